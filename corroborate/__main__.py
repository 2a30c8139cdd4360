"""``python -m corroborate`` is the ``corroborate`` command."""

import sys

from .cli import main

sys.exit(main())
