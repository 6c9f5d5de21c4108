"""``python -m lawgov_metrics``: the same command line as ``lawgov-metrics``.

Examples:
    >>> import subprocess, sys
    >>> out = subprocess.run([sys.executable, "-m", "lawgov_metrics", "--version"],
    ...                      capture_output=True, text=True, check=True).stdout
    >>> out.startswith("lawgov-metrics ")
    True
"""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
