"""The WSGI application (``planwatch.web.wsgi:application``), as gunicorn or waitress load it.

In production (``PLANWATCH_PRODUCTION=1``) it refuses to load without a strong
secret key and allowed hosts, whoever starts it.
"""

import os

from django.core.wsgi import get_wsgi_application

from planwatch.web import production

if production.wanted():
    production.check()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "planwatch.web.settings")
application = get_wsgi_application()
