#pragma once

#include <QLineEdit>

namespace mc {

/// Shows \a text in \a edit without fighting the user: a focused field being typed
/// in (\a keepFocused) keeps its text, and otherwise the cursor stays where it was.
inline void showFieldText(QLineEdit *edit, const QString &text, bool keepFocused)
{
    if (edit->text() == text || (keepFocused && edit->hasFocus()))
        return;
    const int cursor = edit->cursorPosition();
    edit->setText(text);
    edit->setCursorPosition(qMin(cursor, int(text.size())));
}

} // namespace mc
