"""A draft goes between a writer's and an editor's database by review packages: the five cases
of the issue (different paragraphs, the same sentence, credit and caption, ten round trips, a
package from an older Byline)."""

from __future__ import annotations

from sqlalchemy import func, select

from editor.model import Comment, Revision, StatusChange, Suggestion
from editor.services import comments, posts, suggestions
from tests.db.handoff.conftest import new_post


def _first_trip(writer, editor):
    uuid = new_post(writer)
    result = editor.open(writer.send(uuid, "one.bylinereview"))
    assert result.outcome == "created"
    return uuid


def test_the_post_is_created_with_its_history_comments_and_log(desks):
    writer, editor = desks
    uuid = new_post(writer)
    with writer.store.session() as s:
        post = posts.get_post(s, uuid)
        comments.add_comment(s, post.id, "Which buses?", quote="buses")
    result = editor.open(writer.send(uuid, "one.bylinereview"))
    assert result.outcome == "created"
    with editor.store.session() as s:
        post = posts.get_post(s, uuid)
        assert post.body == writer.post(uuid).body
        [view] = comments.list_comments(s, post.id)
        assert view.text == "Which buses?" and view.author.name == "Lucía Ferreira"
        assert view.span is not None  # anchored to its words here too
        reasons = [r.reason for r in posts.list_revisions(s, post.id)]
        assert reasons[0] == "received" and "created" in reasons
        log = s.scalars(select(StatusChange).where(StatusChange.post_id == post.id)).all()
        assert [(e.to_status, e.author_name) for e in log] == [("draft", "Lucía Ferreira")]


def test_different_paragraphs_merge_cleanly_and_both_versions_stay_in_history(desks):
    writer, editor = desks
    uuid = _first_trip(writer, editor)
    editor.edit(uuid, body=[("At the top", "Up on the altiplano")])
    writer.edit(uuid, body=[("before dawn", "long before dawn")])
    result = writer.open(editor.send(uuid, "two.bylinereview"))
    assert (result.outcome, result.conflicts, result.theirs_fields) == ("merged", 0, ["body"])
    body = writer.post(uuid).body
    assert "long before dawn" in body and "Up on the altiplano" in body and "{" not in body
    with writer.store.session() as s:
        revs = posts.list_revisions(s, writer.post(uuid).id)
        labels = [(r.reason, r.label) for r in revs[:3]]
        assert labels[0] == ("merged", "Merged with Ana Ruiz's changes")
        assert labels[1] == ("merged", "Yours before merging Ana Ruiz's changes")
        assert labels[2] == ("received", "Received from Ana Ruiz")
        assert "Up on the altiplano" not in revs[1].snapshot["body"]  # ours, before
        assert "long before dawn" not in revs[2].snapshot["body"]  # theirs, as received


def test_the_same_sentence_becomes_a_suggestion_the_person_resolves(desks):
    writer, editor = desks
    uuid = _first_trip(writer, editor)
    editor.edit(uuid, body=[("quick driver", "cheerful driver")])
    writer.edit(uuid, body=[("quick driver", "tired driver"), ("before dawn", "at 4 a.m.")])
    result = writer.open(editor.send(uuid, "two.bylinereview"))
    assert (result.outcome, result.conflicts) == ("merged", 1)
    assert "1 conflict(s) to resolve" in result.summary()
    post = writer.post(uuid)
    assert "The {~~tired~>cheerful~~} driver sang" in post.body
    with writer.store.session() as s:
        [view] = suggestions.list_suggestions(s, posts.get_post(s, uuid))
        assert view.author.name == "Ana Ruiz"  # the sender suggested their words
        suggestions.resolve(s, uuid, view.id, accept=True)
    assert "The cheerful driver sang" in writer.post(uuid).body
    assert "leave at 4 a.m." in writer.post(uuid).body
    # back to the editor: they take the writer's resolved text, nothing to resolve there
    result = editor.open(writer.send(uuid, "three.bylinereview"))
    assert result.outcome == "took_theirs"
    assert editor.post(uuid).body == writer.post(uuid).body


def test_credit_changed_on_one_side_and_caption_on_the_other_keeps_both(desks):
    from tests.helpers.photos import jpeg_bytes

    writer, editor = desks
    uuid = new_post(writer)
    with writer.store.session() as s:
        from editor.services.photos import attach

        attach(s, posts.get_post(s, uuid), jpeg_bytes(), filename="bus.jpg", lead=True,
               caption="The bus at dawn.", credit="Lucía Ferreira", alt="A bus")  # fmt: skip
    photo_id = _photo(writer, uuid).id
    with writer.store.session() as s:
        post_id = posts.get_post(s, uuid).id
        comments.add_comment(s, post_id, "Where exactly?", field=f"caption:{photo_id}",
                             quote="dawn")  # fmt: skip
    editor.open(writer.send(uuid, "one.bylinereview"))
    here = _photo(editor, uuid).id
    with editor.store.session() as s:  # the comment found its photo here (by its uuid)
        [view] = comments.list_comments(s, posts.get_post(s, uuid).id)
        assert view.field == f"caption:{here}" and view.span is not None
    _set_photo(editor, uuid, credit="Lucía Ferreira/Agencia Andina")
    _set_photo(writer, uuid, caption="The night bus at dawn, near Potosí.")
    result = writer.open(editor.send(uuid, "two.bylinereview"))
    assert result.outcome == "merged" and not result.kept
    for desk in (writer, editor):
        if desk is editor:
            editor.open(writer.send(uuid, "three.bylinereview"))
        photo = _photo(desk, uuid)
        assert (photo.caption, photo.credit) == (
            "The night bus at dawn, near Potosí.",
            "Lucía Ferreira/Agencia Andina",
        )


def _photo(desk, uuid):
    from editor.services.photos import list_photos

    with desk.store.session() as s:
        [photo] = list_photos(s, posts.get_post(s, uuid).id)
        s.expunge(photo)
        return photo


def _set_photo(desk, uuid, **texts):
    from editor.services.photos import list_photos, update_photo

    with desk.store.session() as s:
        [photo] = list_photos(s, posts.get_post(s, uuid).id)
        update_photo(s, photo, **texts)


def _counts(desk, uuid):
    with desk.store.session() as s:
        post_id = posts.get_post(s, uuid).id
        return {
            model.__name__: s.scalar(select(func.count()).where(model.post_id == post_id))
            for model in (Comment, Suggestion, StatusChange)
        } | {"revision uuids": len(set(s.scalars(select(Revision.uuid)
                                                 .where(Revision.post_id == post_id))))}  # fmt: skip


def test_ten_round_trips_with_comments_and_suggestions_never_duplicate(desks):
    writer, editor = desks
    uuid = _first_trip(writer, editor)
    for trip in range(10):
        with editor.store.session() as s:
            post_id = posts.get_post(s, uuid).id
            made = comments.add_comment(s, post_id, f"Note {trip}", field="post")
            if trip % 3 == 0:
                comments.set_resolved(s, post_id, made.id, True)
            suggestions.suggest(s, uuid, insert=f" [{trip}]", after="the market is loud")
        writer.open(editor.send(uuid, f"to-writer-{trip}.bylinereview"))
        with writer.store.session() as s:
            post_id = posts.get_post(s, uuid).id
            views = comments.list_comments(s, post_id)
            comments.reply(s, post_id, views[-1].id, f"Done {trip}")
            if trip % 2:
                suggestions.resolve(s, uuid, None, accept=True)
        writer.edit(uuid, byline_role=f"Guest blogger, trip {trip}")
        editor.open(writer.send(uuid, f"to-editor-{trip}.bylinereview"))
        assert _counts(writer, uuid) == _counts(editor, uuid)
        assert writer.post(uuid).body == editor.post(uuid).body
    # opening the same package again adds nothing
    before = _counts(editor, uuid)
    assert editor.open(editor.folder / "to-editor-9.bylinereview").outcome == "unchanged"
    assert _counts(editor, uuid) == before
    counts = _counts(writer, uuid)
    assert counts["Comment"] == 20  # ten comments, ten replies, each once
    with writer.store.session() as s:
        views = comments.list_comments(s, posts.get_post(s, uuid).id)
        assert [v.text for v in views] == [f"Note {k}" for k in range(10)]
        assert all(len(v.replies) == 1 for v in views)
        assert [v.resolved for v in views] == [k % 3 == 0 for k in range(10)]


def test_a_status_change_and_its_note_travel_with_the_log(desks):
    from editor.model import PostStatus
    from editor.services import workflow

    writer, editor = desks
    uuid = _first_trip(writer, editor)
    with editor.store.session() as s:
        post_id = posts.get_post(s, uuid).id
        workflow.change_status(s, post_id, PostStatus.SUBMITTED, force=True)
        workflow.review_decision(s, post_id, PostStatus.CHANGES_REQUESTED, note="Shorter, please.")
    result = writer.open(editor.send(uuid, "two.bylinereview"))
    assert result.outcome == "took_theirs" and "status" in result.theirs_fields
    with writer.store.session() as s:
        post = posts.get_post(s, uuid)
        assert post.status == "changes_requested"
        log = workflow.status_log(s, post.id)
        assert [(e.to_status, e.author.name) for e in log][-1] == ("changes_requested", "Ana Ruiz")
        assert log[-1].note == "Shorter, please."


def test_kept_ours_and_a_second_package_sent_before_anything_came_back(desks):
    writer, editor = desks
    uuid = _first_trip(writer, editor)
    editor.edit(uuid, body=[("At the top", "Up on the altiplano")])
    # the writer changed nothing since: their package is the base, ours stays
    result = editor.open(writer.send(uuid, "again.bylinereview"))
    assert result.outcome == "kept_ours"
    assert "Up on the altiplano" in editor.post(uuid).body
    # the writer edits and sends once more, still with nothing received: the editor's own
    # record of what it last received is the newer base, so this merges without conflicts
    writer.edit(uuid, body=[("before dawn", "long before dawn")])
    result = editor.open(writer.send(uuid, "third.bylinereview"))
    assert (result.outcome, result.conflicts, result.kept) == ("merged", 0, [])
    body = editor.post(uuid).body
    assert "long before dawn" in body and "Up on the altiplano" in body


def test_a_package_for_a_post_in_the_trash_says_so(desks):
    from editor.services import trash

    writer, editor = desks
    uuid = _first_trip(writer, editor)
    with editor.store.session() as s:
        trash.trash_post(s, uuid)
    writer.edit(uuid, body=[("before dawn", "long before dawn")])
    result = editor.open(writer.send(uuid, "two.bylinereview"))
    assert result.outcome == "took_theirs" and result.in_trash
    assert "in the Trash here" in result.summary()


def test_words_ignored_in_the_post_travel_both_ways(desks):
    """ "Ignore in this post" is the post's: the editor's spelling accepts what the writer
    ignored, and words either side ignores later are added on the way back, never removed."""
    from editor.services import proofing

    writer, editor = desks
    uuid = new_post(writer)
    with writer.store.session() as s:
        proofing.add_post_words(s, posts.get_post(s, uuid).id, ["Achacachi"])
    editor.open(writer.send(uuid, "one.bylinereview"))
    with editor.store.session() as s:
        post_id = posts.get_post(s, uuid).id
        assert proofing.post_words(s, post_id) == ["Achacachi"]
        proofing.add_post_words(s, post_id, ["Quispe"])
    with writer.store.session() as s:
        proofing.remove_post_words(s, posts.get_post(s, uuid).id, ["Achacachi"])
    writer.open(editor.send(uuid, "two.bylinereview"))
    with writer.store.session() as s:
        assert proofing.post_words(s, posts.get_post(s, uuid).id) == ["Achacachi", "Quispe"]
