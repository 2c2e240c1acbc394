"""How the playbook after a rejection is put in a line elsewhere (the application's
"What's next"): its progress and the next step, in words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from followthrough.domain.rejection import PlaybookProgress, PlaybookStep, StepKind


def next_step_words(step: PlaybookStep, company: str) -> str:
    """The step to do next, as it follows "next:" ("connect with Dana Lee")."""
    if step.kind is StepKind.THANK_YOU:
        if step.person:
            return QCoreApplication.translate(
                "rejection", "thank {name} and ask for feedback"
            ).format(name=step.person)
        return QCoreApplication.translate("rejection", "thank them and ask for feedback")
    if step.kind is StepKind.CONNECT:
        return QCoreApplication.translate("rejection", "connect with {name}").format(
            name=step.person
        )
    if step.kind is StepKind.REVISIT:
        if step.months is not None:
            return QCoreApplication.translate(
                "rejection", "look at {company} again when the reminder comes"
            ).format(company=company)
        return QCoreApplication.translate(
            "rejection", "plan a reminder to look at {company} again"
        ).format(company=company)
    return QCoreApplication.translate("rejection", "tell {name} how it ended").format(
        name=step.person
    )


def progress_words(progress: PlaybookProgress) -> str:
    """ "After the rejection: 2 of 4 steps done; next: connect with Dana Lee." (the total
    is never below two: the thank-you and the revisit are always offered)."""
    step = next_step_words(progress.next_step, progress.company)
    if progress.skipped:
        return QCoreApplication.translate(
            "rejection",
            "After the rejection: {done} of {total} steps done, {skipped} skipped; next: {step}.",
        ).format(done=progress.done, total=progress.total, skipped=progress.skipped, step=step)
    return QCoreApplication.translate(
        "rejection", "After the rejection: {done} of {total} steps done; next: {step}."
    ).format(done=progress.done, total=progress.total, step=step)
