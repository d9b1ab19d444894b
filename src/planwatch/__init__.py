"""planwatch: monitor and evaluate the execution of an annual development plan."""

__version__ = "0.1.0"
