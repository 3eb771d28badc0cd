"""Counts agree: each mutualisation group lists each of its towns once, with the count it
shows, and each town's projects in the group belong to that town."""

import pytest

from evalir_desktop.content import load_content
from evalir_desktop.territory.drilldown import assessments_behind
from evalir_desktop.territory.importing import consolidate, open_territory
from evalir_desktop.territory.overview import territory_view
from tests.synthetic import generate_towns


@pytest.fixture(scope="module")
def view(tmp_path_factory):
    """Towns with several projects each, so that towns repeat within a group by project."""
    folder = tmp_path_factory.mktemp("communes à plusieurs projets")
    generate_towns(folder, 14, assessments=5, seed=11)
    path = folder / "territoire.evalir"
    consolidate(path, [folder])
    with open_territory(path) as store:
        return territory_view(store, load_content())


def test_some_town_has_several_projects_in_one_group(view):
    assert any(len(m.projects) > 1 for g in view.opportunities for m in g.members)


def test_each_group_lists_each_town_once_with_the_count_it_shows(view):
    assert view.opportunities
    for group in view.opportunities:
        listed = [member.town.commune_id for member in group.members]
        assert len(listed) == len(set(listed)) == group.town_count >= 2, group.title
        assert [m.town for m in group.members] == group.towns
        explained = group.explanation.split(" ", 1)[0]
        if explained.isdigit():
            assert int(explained) == group.town_count


def test_the_projects_of_a_town_in_a_group_are_its_own(view):
    town_of = {row.assessment_id: row.commune_id for row in view.rows}
    for index, group in enumerate(view.opportunities):
        for position, member in enumerate(group.members):
            for project in member.projects:
                assert town_of[project.assessment_id] == member.town.commune_id
            behind = assessments_behind(view, "group_town", f"{index}:{position}")
            assert behind and {row.commune_id for row in behind} == {member.town.commune_id}
            if member.projects:
                assert len(behind) == len(member.projects)
