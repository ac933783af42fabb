"""Pagination of the weekly part from heights alone: every unit once and in order, pages that
hold what fits, breaks only where allowed, weeks kept whole when they can be, notes sized."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from planner.render.pdf.pagination import (
    KEEP_WHOLE_AFTER,
    KEEP_WHOLE_BELOW,
    Geometry,
    PagePlan,
    Unit,
    WeekShape,
    paginate,
)

FRAME = 700.0
GEOMETRY = Geometry(
    frame=FRAME, first_room=420.0, header=20.0, between=16.0, notes_min=40.0, foot_header=12.0
)
MAX_UNIT = 0.5 * FRAME  # the renderer splits anything taller before paginating


@st.composite
def week_shapes(draw: st.DrawFn, max_unit: float = MAX_UNIT) -> WeekShape:
    units = []
    items = draw(st.integers(0, 5))
    for item in range(items):
        tasks = draw(st.integers(1, 6))
        for k in range(tasks):
            units.append(
                Unit(
                    height=draw(st.floats(14, max_unit if k == 0 else 60)),
                    gap=0.0 if k == 0 else 4.0,
                    item=item,
                    opens_item=k == 0,
                    keep_with_next=k == 0 and tasks > 1 and draw(st.booleans()),
                    foot=draw(st.sampled_from([0.0, 0.0, 10.0])),
                )
            )
    return WeekShape(
        units=tuple(units), rail=70.0, rail_continued=84.0, retitle=(14.0,) * max(items, 1)
    )


plans = st.lists(week_shapes(), min_size=1, max_size=14)


def content_height(page: PagePlan, weeks: list[WeekShape]) -> float:
    """What a page holds without its notes boxes: headers, rails and units."""
    height = 0.0
    for n, piece in enumerate(page.pieces):
        shape = weeks[piece.week]
        rail = shape.rail if piece.start == 0 else shape.rail_continued
        height += GEOMETRY.between * (n > 0) + GEOMETRY.header
        height += max(rail, shape.content(piece.start, piece.end))
    return height


@given(plans)
def test_every_unit_is_placed_once_in_order(weeks: list[WeekShape]) -> None:
    pages = paginate(weeks, GEOMETRY)
    placed = [
        (piece.week, unit)
        for page in pages
        for piece in page.pieces
        for unit in range(piece.start, piece.end)
    ]
    assert placed == [(w, u) for w, shape in enumerate(weeks) for u in range(len(shape.units))]
    assert [p.week for page in pages for p in page.pieces if not p.continued] == list(
        range(len(weeks))
    )


@given(plans)
def test_pages_hold_what_fits_and_break_only_where_allowed(weeks: list[WeekShape]) -> None:
    pages = paginate(weeks, GEOMETRY)
    for page in pages:
        foot = page.foot + GEOMETRY.foot_header if page.foot else 0.0
        assert page.used + foot <= page.room + 1e-6
        for piece in page.pieces:
            shape = weeks[piece.week]
            assert piece.continued == (piece.start > 0)
            retitled = piece.start > 0 and not shape.units[piece.start].opens_item
            assert piece.retitled == retitled
            if not piece.ends_week:
                assert not shape.units[piece.end - 1].keep_with_next
                assert piece is page.pieces[-1]  # a week that goes on ends its page


@given(plans)
def test_no_page_below_30_percent_but_the_last_of_a_week_or_of_the_part(
    weeks: list[WeekShape],
) -> None:
    pages = paginate(weeks, GEOMETRY)
    for page in pages[:-1]:
        if page.pieces[-1].ends_week:
            continue  # the last page of a week may be short: the next week did not fit
        assert content_height(page, weeks) >= 0.3 * page.room, page


@given(plans)
def test_a_small_week_is_never_split_and_a_page_sized_one_only_from_a_page_with_room(
    weeks: list[WeekShape],
) -> None:
    pages = paginate(weeks, GEOMETRY)
    for page in pages:
        for n, piece in enumerate(page.pieces):
            shape = weeks[piece.week]
            whole = GEOMETRY.header + shape.content(0, len(shape.units)) + GEOMETRY.notes_min
            if piece.continued or piece.ends_week or whole > FRAME or n == 0:
                continue
            assert whole > KEEP_WHOLE_BELOW * FRAME
            before = sum(
                GEOMETRY.between * (k > 0) + GEOMETRY.header + p.notes
                for k, p in enumerate(page.pieces[:n])
            )
            before += sum(
                max(weeks[p.week].rail, weeks[p.week].content(p.start, p.end))
                for p in page.pieces[:n]
            )
            assert before <= KEEP_WHOLE_AFTER * page.room + 1e-6


@given(plans)
def test_every_week_end_has_notes_and_the_last_on_a_page_takes_the_rest(
    weeks: list[WeekShape],
) -> None:
    for page in paginate(weeks, GEOMETRY):
        for piece in page.pieces:
            if piece.ends_week:
                assert piece.notes >= GEOMETRY.notes_min
            else:
                assert piece.notes == 0
        if page.pieces[-1].ends_week:
            foot = page.foot + GEOMETRY.foot_header if page.foot else 0.0
            assert abs(page.used + foot - page.room) < 1e-6


def test_light_weeks_share_a_page_and_heavy_ones_flow_on() -> None:
    light = WeekShape(
        units=(Unit(height=60.0), Unit(height=20.0, item=0, opens_item=False)),
        rail=70.0,
        rail_continued=84.0,
        retitle=(14.0,),
    )
    pages = paginate([light] * 8, GEOMETRY)
    assert [len(p.pieces) for p in pages] == [2, 4, 2]  # 140 pt a week, 16 between
    heavy = WeekShape(
        units=tuple(Unit(height=90.0, item=0, opens_item=k == 0) for k in range(20)),
        rail=70.0,
        rail_continued=84.0,
        retitle=(14.0,),
    )
    pages = paginate([heavy], GEOMETRY)
    assert len(pages) == 4 and all(p.retitled for page in pages[1:] for p in page.pieces)
