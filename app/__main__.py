"""`python -m app` is the `madoguchi` command."""

from .cli import main

main()
