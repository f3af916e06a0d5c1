"""What a screen reader and an automation tool see of the window: the accessibility tree.

:func:`unnamed_controls` walks the tree Qt builds (``QAccessible.queryAccessibleInterface``,
then each child), the one assistive technology reads, and lists every control a person can
reach that has no accessible name (a label buddy, ``setAccessibleName`` or its own text), and
every icon-only button without a tooltip. A combo box or field whose only "name" is its current
value counts as unnamed: a screen reader would say "Draft, combo box" and never what it is.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAbstractButton, QToolButton, QWidget

Role = QAccessible.Role
Text = QAccessible.Text
#: Controls a person operates (even when not in the Tab chain, like toolbar buttons).
CONTROLS = {
    Role.Button, Role.CheckBox, Role.RadioButton, Role.ComboBox, Role.EditableText,
    Role.SpinBox, Role.Slider, Role.List, Role.Table, Role.Tree, Role.PageTabList,
    Role.ButtonMenu, Role.ButtonDropDown,
}  # fmt: skip
#: Widgets whose insides belong to someone else (the page's own tree: axe-core checks it).
OPAQUE = {"QWebEngineView"}


def _describe(widget: QWidget) -> str:
    path = []
    w: QWidget | None = widget
    while w is not None and len(path) < 4:
        path.append(w.objectName() or type(w).__name__)
        w = w.parentWidget()
    return " < ".join(path)


def unnamed_controls(root: QWidget) -> list[str]:
    problems: list[str] = []
    _walk(QAccessible.queryAccessibleInterface(root), problems, set())
    return problems


def _walk(iface: QAccessibleInterface | None, problems: list[str], seen: set[int]) -> None:
    if iface is None or not iface.isValid():
        return
    obj = iface.object()
    if obj is not None:
        # Keyed by the C++ object, not id() of the Python wrapper: a widget Qt made itself (a
        # combo box's line edit) gets a short-lived wrapper whose id() a later wrapper can
        # reuse, which made the walk skip that widget in some runs and not in others.
        key = shiboken6.getCppPointer(obj)[0]
        if key in seen:
            return
        seen.add(key)
    state = iface.state()
    if isinstance(obj, QWidget) and not state.invisible:
        _check(obj, iface, problems)
        if type(obj).__name__ in OPAQUE:
            return
    elif isinstance(obj, QWidget):
        return  # a hidden widget and everything in it: nothing to reach
    for i in range(iface.childCount()):
        _walk(iface.child(i), problems, seen)


def accessible_name(widget: QWidget, iface: QAccessibleInterface) -> str:
    """The name assistive technology gets: the widget's own accessible name, its label (a
    buddy: on Linux a combo box's "name" is its value and the label comes as a relation), or
    its text; a field's value is not a name."""
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    for label, _relation in iface.relations(QAccessible.Relation.Label):
        if label.text(Text.Name).strip():
            return label.text(Text.Name).strip()
    name = iface.text(Text.Name).strip()
    valued = iface.role() in (Role.ComboBox, Role.EditableText, Role.SpinBox)
    return "" if valued and name == iface.text(Text.Value).strip() else name


def _check(widget: QWidget, iface: QAccessibleInterface, problems: list[str]) -> None:
    role = iface.role()
    if not (iface.state().focusable or role in CONTROLS) or not widget.isEnabled():
        return
    if widget.objectName().startswith("qt_"):
        return  # Qt's own parts (viewports, toolbar extension arrows, dock title buttons)
    if not accessible_name(widget, iface):
        problems.append(f"{_describe(widget)} ({role.name}): no accessible name")
    icon_only = isinstance(widget, QAbstractButton) and not widget.text().strip()
    if isinstance(widget, QToolButton):
        icon_only = icon_only or widget.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    if icon_only and not widget.toolTip().strip():
        problems.append(f"{_describe(widget)}: an icon-only button without a tooltip")
