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
    parent: str  # the name of the city the district belongs to ("" for none)
    parent_code: str

    @staticmethod
    def resolve_parent(region: Region) -> str:
        return region.parent.name if region.parent else ""

    @staticmethod
    def resolve_parent_code(region: Region) -> str:
        return region.parent.code if region.parent else ""


@router.get("/regions", response=list[RegionOut])
@paginate(Page)
def list_regions(request: HttpRequest) -> object:
    return Region.objects.select_related("parent").order_by("code")


@router.get("/regions/{code}", response=RegionOut)
def get_region(request: HttpRequest, code: Code) -> Region:
    return services.get_region(code)
