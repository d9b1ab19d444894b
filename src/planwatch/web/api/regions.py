"""Regions and their indicator catalogs."""

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from planwatch.web.api.types import Code, Page
from planwatch.web.plan import services
from planwatch.web.plan.models import Region

router = Router(tags=["regions"])


class RegionOut(Schema):
    code: str
    name: str
    name_en: str
    parent: str


@router.get("/regions", response=list[RegionOut])
@paginate(Page)
def list_regions(request: HttpRequest) -> object:
    return Region.objects.order_by("code")


@router.get("/regions/{code}", response=RegionOut)
def get_region(request: HttpRequest, code: Code) -> Region:
    return services.get_region(code)
