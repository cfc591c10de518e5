#pragma once

#include <QMessageBox>
#include <QString>

#include <functional>

class QWidget;

namespace mc {

/// What the File menu asks the user, replaceable so that tests answer without a
/// modal loop (the defaults are message boxes and file dialogs). Unset members keep
/// the defaults.
struct FileHooks
{
    /// A question with \a buttons (e.g. Save | Discard | Cancel before unsaved
    /// changes are lost; Yes | Discard | Cancel to recover an autosaved document).
    std::function<QMessageBox::StandardButton(QWidget *parent, const QString &title,
                                              const QString &text,
                                              QMessageBox::StandardButtons buttons)>
        ask;
    /// The project to open, starting in \a dir; empty means canceled.
    std::function<QString(QWidget *parent, const QString &dir)> openPath;
    /// Where to save, \a suggested proposed; empty means canceled.
    std::function<QString(QWidget *parent, const QString &suggested)> savePath;
    /// Tells the user that something failed (a save, a recovery).
    std::function<void(QWidget *parent, const QString &title, const QString &text)> error;
};

} // namespace mc
