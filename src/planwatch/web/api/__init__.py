"""The REST API (django-ninja): one module per resource, each endpoint calling a service."""
