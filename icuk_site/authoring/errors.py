"""The one error the authoring tasks raise."""


class AuthoringError(Exception):
    """A request the tasks refuse (the message says why and what to do instead)."""
