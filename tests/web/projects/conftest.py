"""The cast of the project tests, shared with the services' tests."""

from tests.services.conftest import leader, office, transport_clerk, water_clerk

__all__ = ["leader", "office", "transport_clerk", "water_clerk"]
