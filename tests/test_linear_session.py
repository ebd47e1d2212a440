"""A whole linear session, as a screen reader user would type it, in a real process."""

from __future__ import annotations

from pathlib import Path

from linear_support import assert_plain, wellread, write_library


def test_card_search_bookmark_then_continue_reading(tmp_path: Path) -> None:
    library = write_library(tmp_path / "library")
    data = tmp_path / "data"
    answers = [
        "1",  # the library lists "Stairs as exercise" first (then "Standing tall")
        "e",  # its related exercises
        "1",  # Step taps: the whole card
        "q",  # back to the article
        "s",  # search
        "coming",  # only in "2. Going down with care"
        "1",  # the best hit opens at its section
        "m",  # bookmark it
        "ask about the rail",
        "b",  # the bookmarks
        "1",  # go to it
        "q",
        "q",
    ]
    first = wellread("--plain", "--library", str(library), data=data, stdin="\n".join(answers))
    assert first.returncode == 0, first.stderr
    out = first.stdout
    assert_plain(out)
    assert "Traceback" not in out + first.stderr

    # The card: the safety sections come before how to do it.
    card = out[out.index("Exercise card: Step taps") :]
    cautions = card.index("\nCautions\n\nKeep the stairs clear of shoes and bags.")
    skip = card.index("\nWho should skip it\n\nAnyone whose balance is poor without support.")
    stop = card.index("\nStop and get help if\n\nYou feel faint or dizzy, or you fall.")
    how = card.index("\nHow to do it\n")
    assert cautions < skip < stop < how
    assert "Equipment: the bottom stair, a handrail" in card[:how]
    assert "Challenges your balance; have support within reach." in card[:how]

    # The search result opened at its own section.
    results = out[out.index("place speaks of 'coming'") :]
    first_hit = results.splitlines()[1]
    assert first_hit.startswith("1. ")
    heading = first_hit.split(": ", 1)[1]
    assert heading == "2. Going down with care", first_hit
    opened = results[results.index("A result's number opens it") :]
    assert opened.index("Section 2: Going down with care") < opened.index(
        "Coming down asks more of your balance"
    )

    # The bookmark: made with its note, listed, and gone to.
    assert "Bookmarked Section 2: Going down with care." in out
    listing = out[out.index("Bookmarks (1)") :]
    assert "1. Stairs as exercise: 2. Going down with care. Note: ask about the rail." in listing
    gone_to = listing[listing.index("A bookmark's number goes to it") :]
    assert "Section 2: Going down with care" in gone_to
    assert out.rstrip().endswith("Goodbye.")

    # A second session offers to continue where the first stopped: after the part
    # last read (the bookmark's section), at the next one.
    second = wellread("--plain", "--library", str(library), data=data, stdin="c\nq\nq\n")
    assert second.returncode == 0, second.stderr
    assert_plain(second.stdout)
    assert "c: continue reading Stairs as exercise, from 3. A plan for the week" in second.stdout
    continued = second.stdout[second.stdout.index("c: continue reading") :]
    assert "Section 3: A plan for the week\n\nClimb a flight of stairs twice a day" in continued
