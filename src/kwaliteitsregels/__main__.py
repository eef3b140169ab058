"""`python -m kwaliteitsregels`: the command line, as the `kwaliteitsregels` script."""

from kwaliteitsregels.cli import main

if __name__ == "__main__":
    main(prog_name="kwaliteitsregels")
