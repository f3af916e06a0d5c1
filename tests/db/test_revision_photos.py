"""Revisions keep each photo's caption and credit, so a diff (``byline diff`` in text, HTML and
JSON) shows a caption's changed words; revisions from before that compare without photos."""

from __future__ import annotations

import json

from editor.cli.main import main
from editor.model import PostContent
from editor.review.worddiff import diff_snapshots
from editor.services import blogs, photos, posts
from tests.helpers.photos import jpeg_bytes


def _post_with_photo(store) -> tuple[int, int]:
    with store.session() as s:
        blog = blogs.get_or_create_blog(s, "Latin America Blog")
        post = posts.create_post(s, PostContent(headline="Solar radio", body="Text."), blog=blog)
        photo = photos.attach(s, post, jpeg_bytes(), filename="mast.jpg",
                              caption="Volunteers raise the mast at dawn.", credit="Ana Ruiz")  # fmt: skip
        return post.id, photo.id


def _diff(store, capsys, *args: str) -> str:
    url = store.url.render_as_string(hide_password=False)
    code = main(["--db", url, "diff", *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_a_changed_caption_shows_in_the_diff_of_two_versions(store, capsys):
    post_id, photo_id = _post_with_photo(store)
    with store.session() as s:
        first = posts.save_version(s, post_id, "before").number
        assert posts.get_revision(s, post_id, first).snapshot["photos"] == [
            {"id": photo_id, "uuid": photos.get_photo(s, post_id, photo_id).uuid,
             "filename": "mast.jpg", "caption": "Volunteers raise the mast at dawn.",
             "credit": "Ana Ruiz"}
        ]  # fmt: skip
        photos.update_photo(s, photos.get_photo(s, post_id, photo_id),
                            caption="Volunteers raise the mast at noon.", credit="Ana Ruiz")  # fmt: skip
        second = posts.save_version(s, post_id, "after").number
    key = f"photo:{photo_id}:caption"

    data = json.loads(_diff(store, capsys, str(post_id), str(first), str(second), "--format",
                            "json"))  # fmt: skip
    fields = {f["field"]: f for f in data["fields"]}
    assert data["note"] == ""
    assert fields[key]["changed"] and fields[key]["label"] == "Photo “mast.jpg” caption"
    assert [(o["old"], o["new"]) for o in fields[key]["ops"] if o["op"] != "equal"] == [
        ("dawn", "noon")
    ]
    assert not fields[f"photo:{photo_id}:credit"]["changed"]

    text = _diff(store, capsys, str(post_id), str(first), str(second))
    assert "== Photo “mast.jpg” caption (+1 −1 words)" in text
    assert "Volunteers raise the mast at [-dawn-]{+noon+}." in text
    page = _diff(store, capsys, str(post_id), str(first), "--format", "html")  # against now
    assert "<del>dawn</del>" in page and "<ins>noon</ins>" in page


def test_a_revision_without_photos_compares_as_none_recorded(store, capsys):
    post_id, photo_id = _post_with_photo(store)
    with store.session() as s:
        number = posts.save_version(s, post_id).number
        old = posts.get_revision(s, post_id, number)
        old.snapshot = {k: v for k, v in old.snapshot.items() if k != "photos"}  # as before
    text = _diff(store, capsys, str(post_id), str(number), "current")
    assert "No photos recorded in revision" in text and "No differences." in text
    data = json.loads(_diff(store, capsys, str(post_id), str(number), "--format", "json"))
    assert "No photos recorded" in data["note"]
    assert not any(f["field"].startswith("photo:") for f in data["fields"])
    diffs, note = diff_snapshots({"headline": "A"}, {"headline": "A", "photos": []})
    assert note and not any(d.changed for d in diffs)
