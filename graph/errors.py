"""Errors the user can act on: the CLI prints them without a traceback."""


class FloorgraphError(Exception):
    """A problem with input or artefacts that the message explains how to fix."""
