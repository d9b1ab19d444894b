"""The web tests' cast (alice and deputy of the plan office, clerks bob and carol, leader
dave) on the demo dataset: the services are tested as the surfaces call them."""

from tests.web.conftest import (  # noqa: F401  (fixtures)
    alice,
    bob,
    carol,
    dave,
    demo,
    deputy,
    fast_passwords,
)
