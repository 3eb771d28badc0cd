"""Bundle entry point: run as `evalir` it is the command line, otherwise the window.

The Linux bundle has one executable, `evalir-desktop`, and `evalir` is a symbolic link
to it; the Windows bundle has two executables (windowed and console) built from this
same script.
"""

import sys
from pathlib import Path

if Path(sys.argv[0]).stem.lower() == "evalir":
    from evalir_desktop.cli import main
else:
    from evalir_desktop.app import main

sys.exit(main())
