"""``python -m aipark``."""

from .cli import main

main()
