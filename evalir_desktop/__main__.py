import sys

from evalir_desktop.app import main

sys.exit(main())
