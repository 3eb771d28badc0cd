import sys

from evalir_desktop.cli import main

sys.exit(main())
