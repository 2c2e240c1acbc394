"""How an application's stages and closure reasons are named on screen.

The words are marked in ``domain.stages`` (its refusals and the store's timeline write
them too) and translated here, in the "stages" context, wherever they are shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from followthrough.domain.stages import ClosureReason, Stage


def stage_label(stage: Stage) -> str:
    """``Reference check``, in the user's language."""
    return QCoreApplication.translate("stages", stage.label)


def reason_label(reason: ClosureReason) -> str:
    """``They turned me down``, in the user's language."""
    return QCoreApplication.translate("stages", reason.label)


def reason_phrase(reason: ClosureReason) -> str:
    """``they turned me down``: the reason inside a sentence, in the user's language."""
    return QCoreApplication.translate("stages", reason.phrase)
