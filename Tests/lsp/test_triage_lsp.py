"""End to end: initialize, didOpen/didChange, diagnostics, formatting, definition,
references, hover, completion, rename, code actions and shutdown, through pytest-lsp."""
import asyncio

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import DELIVERY


def uri(path):
    return path.as_uri()


async def open_document(client, path, text):
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri(path), language_id="triage", version=1, text=text)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)


async def diagnostics_after_change(client, path, text, version):
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri(path), version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return client.diagnostics[uri(path)]


def at(path, line, character):
    return dict(text_document=types.TextDocumentIdentifier(uri=uri(path)), position=types.Position(line=line, character=character))


@pytest.mark.asyncio
async def test_diagnostics_as_you_type_in_utf16(client: LanguageClient, pack):
    path = pack / "delivery.rules"
    await open_document(client, path, DELIVERY)
    assert list(client.diagnostics[uri(path)]) == []
    # Unsaved: "é😀" before an undefined name. 'lte' is at UTF-16 column 16.
    broken = DELIVERY.replace("  when late\n", "  when /é😀/ or lte\n")
    found = await diagnostics_after_change(client, path, broken, 2)
    undefined = [d for d in found if d.code == "undefined-name"]
    assert len(undefined) == 1
    assert undefined[0].range.start == types.Position(line=6, character=16)
    assert undefined[0].range.end == types.Position(line=6, character=19)
    assert undefined[0].severity == types.DiagnosticSeverity.Error
    assert undefined[0].code_description.href.endswith("diagnostics.md#undefined-name")
    assert "did you mean 'late'?" in undefined[0].message

    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri(path)),
        range=undefined[0].range, context=types.CodeActionContext(diagnostics=undefined)))
    assert actions[0].title == "change 'lte' to 'late'"
    assert actions[0].edit.changes[uri(path)][0].new_text == "late"

    # Fixed again: the diagnostics go away.
    assert list(await diagnostics_after_change(client, path, DELIVERY, 3)) == []


@pytest.mark.asyncio
async def test_an_edit_in_one_file_shows_in_another(client: LanguageClient, pack):
    delivery, common = pack / "delivery.rules", pack / "common.rules"
    await open_document(client, delivery, DELIVERY)
    await open_document(client, common, (common).read_text(encoding="utf-8"))
    without_late = common.read_text(encoding="utf-8").replace("define late = words { late delayed }\n", "")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri(common), version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=without_late)]))
    for _ in range(4):
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if any(d.code == "undefined-name" for d in client.diagnostics.get(uri(delivery), [])):
            break
    assert any(d.code == "undefined-name" for d in client.diagnostics[uri(delivery)])


@pytest.mark.asyncio
async def test_formatting(client: LanguageClient, pack):
    path = pack / "messy.rules"
    await open_document(client, path, "define   x =   words {  late }\n")
    edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=types.TextDocumentIdentifier(uri=uri(path)), options=types.FormattingOptions(tab_size=2, insert_spaces=True)))
    assert edits[0].new_text == "define x = words { late }\n"

    broken = pack / "broken.rules"
    await open_document(client, broken, "rule {\n")
    with pytest.raises(Exception, match="syntax errors"):
        await client.text_document_formatting_async(types.DocumentFormattingParams(
            text_document=types.TextDocumentIdentifier(uri=uri(broken)), options=types.FormattingOptions(tab_size=2, insert_spaces=True)))


@pytest.mark.asyncio
async def test_definition_references_and_hover(client: LanguageClient, pack):
    path = pack / "delivery.rules"
    await open_document(client, path, DELIVERY)
    definition = await client.text_document_definition_async(types.DefinitionParams(**at(path, 6, 8)))
    assert definition.uri == uri(pack / "common.rules")
    assert definition.range.start == types.Position(line=2, character=7)

    references = await client.text_document_references_async(types.ReferenceParams(
        **at(path, 12, 9), context=types.ReferenceContext(include_declaration=True)))
    assert len(references) == 3  # the entity's declaration, `needs`, and `{order_id|…}`

    hover = await client.text_document_hover_async(types.HoverParams(**at(path, 5, 26)))
    assert "The parcel is late" in hover.contents.value
    assert "playbook `late_delivery`" in hover.contents.value
    keyword = await client.text_document_hover_async(types.HoverParams(**at(path, 6, 3)))
    assert "rule fire" in keyword.contents.value


@pytest.mark.asyncio
async def test_completion(client: LanguageClient, pack):
    path = pack / "new.rules"
    await open_document(client, path, "rule r -> \nplaybook p { step  }\n")
    targets = await client.text_document_completion_async(types.CompletionParams(**at(path, 0, 10)))
    labels = [item.label for item in targets.items]
    assert "other" in labels and "signal" in labels
    channels = await client.text_document_completion_async(types.CompletionParams(**at(path, 1, 18)))
    assert [item.label for item in channels.items] == ["self_service", "chat", "phone", "email"]


@pytest.mark.asyncio
async def test_rename_across_files_and_refusal(client: LanguageClient, pack):
    path = pack / "delivery.rules"
    await open_document(client, path, DELIVERY)
    edit = await client.text_document_rename_async(types.RenameParams(**at(path, 6, 8), new_name="tardy"))
    assert set(edit.changes) == {uri(path), uri(pack / "common.rules")}
    with pytest.raises(Exception, match="already exists"):
        await client.text_document_rename_async(types.RenameParams(**at(path, 6, 8), new_name="order_id"))


@pytest.mark.asyncio
async def test_document_symbols(client: LanguageClient, pack):
    path = pack / "delivery.rules"
    await open_document(client, path, DELIVERY)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=uri(path))))
    assert [s.name for s in symbols] == ["delivery.late", "parcel_is_late", "hurry", "late_delivery"]
