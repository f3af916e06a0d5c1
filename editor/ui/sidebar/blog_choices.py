"""The Blogs dialog's choices: installed themes, common languages (BCP 47 tags with their names)
and publishing targets, as combo boxes that hand back the stored value."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

# Tags a page's ``lang`` takes; the box stays editable for any other tag.
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("en", "English"), ("en-GB", "English (United Kingdom)"), ("en-US", "English (United States)"),
    ("es", "Spanish"), ("es-419", "Spanish (Latin America)"), ("es-ES", "Spanish (Spain)"),
    ("es-MX", "Spanish (Mexico)"), ("pt", "Portuguese"), ("pt-BR", "Portuguese (Brazil)"),
    ("pt-PT", "Portuguese (Portugal)"), ("fr", "French"), ("fr-CA", "French (Canada)"),
    ("de", "German"), ("it", "Italian"), ("nl", "Dutch"), ("ca", "Catalan"), ("gl", "Galician"),
    ("eu", "Basque"), ("qu", "Quechua"), ("ay", "Aymara"), ("gn", "Guarani"), ("ar", "Arabic"),
    ("he", "Hebrew"), ("fa", "Persian"), ("tr", "Turkish"), ("ru", "Russian"),
    ("uk", "Ukrainian"), ("pl", "Polish"), ("cs", "Czech"), ("ro", "Romanian"),
    ("hu", "Hungarian"), ("el", "Greek"), ("sv", "Swedish"), ("da", "Danish"),
    ("nb", "Norwegian Bokmål"), ("fi", "Finnish"), ("hi", "Hindi"), ("bn", "Bengali"),
    ("ur", "Urdu"), ("id", "Indonesian"), ("ms", "Malay"), ("vi", "Vietnamese"), ("th", "Thai"),
    ("tl", "Tagalog"), ("zh-Hans", "Chinese (Simplified)"), ("zh-Hant", "Chinese (Traditional)"),
    ("ja", "Japanese"), ("ko", "Korean"), ("sw", "Swahili"), ("am", "Amharic"),
    ("yo", "Yoruba"), ("ha", "Hausa"),
)  # fmt: skip
SEPARATOR = " \u2014 "  # "Spanish — es"
NO_TARGET = "None: publish by choosing a target each time"


def language_label(tag: str, name: str) -> str:
    return f"{name}{SEPARATOR}{tag}"


class LanguageBox(QComboBox):
    """A list of common languages that also takes any tag typed in (``pt-BR``)."""

    def __init__(self) -> None:
        super().__init__(objectName="blog_language", editable=True)
        self.setAccessibleName("Language")
        self.lineEdit().setAccessibleName("Language (a BCP 47 tag such as es or pt-BR)")
        for tag, name in LANGUAGES:
            self.addItem(language_label(tag, name), tag)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lineEdit().setPlaceholderText("a language tag, e.g. en, es or pt-BR")

    def set_tag(self, tag: str) -> None:
        index = self.findData(tag)
        if index < 0:
            self.setEditText(tag)
        else:
            self.setCurrentIndex(index)

    def tag(self) -> str:
        text = self.currentText().strip()
        index = self.findText(text)
        if index >= 0:
            return str(self.itemData(index))
        return text.rsplit(SEPARATOR.strip(), 1)[-1].strip()


class ThemeBox(QComboBox):
    """The installed themes (user themes too); a blog's theme that is missing shows as such."""

    def __init__(self) -> None:
        super().__init__(objectName="blog_theme")
        from editor.render.themes import available_themes

        for info in available_themes():
            label = info.title if info.title == info.name else f"{info.title} ({info.name})"
            if info.error:
                label += " \u2014 broken"
            self.addItem(label, info.name)

    def set_theme(self, name: str) -> None:
        index = self.findData(name)
        if index < 0:
            self.addItem(f"{name} \u2014 not installed", name)
            index = self.count() - 1
        self.setCurrentIndex(index)

    def theme(self) -> str:
        return str(self.currentData() or "")


class TargetBox(QComboBox):
    """None, or one of the publishing targets set up on this computer."""

    def __init__(self) -> None:
        super().__init__(objectName="blog_target")
        self.set_targets([])

    def set_targets(self, names: list[str]) -> None:
        current = self.target()
        self.clear()
        self.addItem(NO_TARGET if names else NO_TARGET + " (none set up yet)", None)
        for name in names:
            self.addItem(name, name)
        self.set_target(current)

    def set_target(self, name: str | None) -> None:
        if not name:
            self.setCurrentIndex(0)
            return
        index = self.findData(name)
        if index < 0:
            self.addItem(f"{name} \u2014 not set up on this computer", name)
            index = self.count() - 1
        self.setCurrentIndex(index)

    def target(self) -> str | None:
        data = self.currentData() if self.count() else None
        return str(data) if data else None
