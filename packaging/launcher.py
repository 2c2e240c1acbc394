"""PyInstaller's entry script: the same ``main`` as the ``followthrough`` command."""

from followthrough.__main__ import main

raise SystemExit(main())
