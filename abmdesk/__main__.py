import sys

from abmdesk.cli import main

sys.exit(main())
