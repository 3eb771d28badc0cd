"""Window rectangles: first size fitted to the screen, saved geometry clamped to it."""

from evalir_desktop.screen_fit import Rect, clamp_rect, first_rect, format_rect, parse_rect

SMALL = Rect(0, 0, 1024, 728)  # 1024×768 less a 40 px task bar
FRAME = (16, 40)


def test_first_size_shrinks_to_the_screen_and_is_centred():
    assert first_rect(SMALL, (1100, 760), FRAME) == Rect(0, 0, 1008, 688)
    big = Rect(0, 0, 1920, 1040)
    rect = first_rect(big, (1100, 760), FRAME)
    assert (rect.width, rect.height) == (1100, 760)
    assert rect.x == (1920 - 16 - 1100) // 2


def test_saved_geometry_from_a_larger_or_second_screen_is_clamped():
    assert clamp_rect(Rect(300, 200, 1800, 1000), SMALL, FRAME) == Rect(0, 0, 1008, 688)
    assert clamp_rect(Rect(2500, 100, 800, 600), SMALL, FRAME) == Rect(208, 88, 800, 600)
    assert clamp_rect(Rect(-400, -50, 800, 600), SMALL, FRAME) == Rect(0, 0, 800, 600)
    inside = Rect(50, 60, 700, 500)
    assert clamp_rect(inside, SMALL, FRAME) == inside


def test_settings_text_round_trip_and_garbage():
    rect = Rect(10, 20, 800, 600)
    assert parse_rect(format_rect(rect)) == rect
    for bad in (None, "", "1,2,3", "a,b,c,d", "0,0,0,600", "0,0,-5,10"):
        assert parse_rect(bad) is None
