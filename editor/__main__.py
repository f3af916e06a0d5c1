import sys

from editor.cli.main import main

sys.exit(main())
