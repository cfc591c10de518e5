#pragma once
// Helpers of the main window's tests: files, the title as shown, answers to the File
// menu's questions, edits through the undo stack.

#include "commands/commands.h"
#include "document/document.h"
#include "filehooks.h"
#include "mainwindow.h"

#include <QAction>
#include <QFile>
#include <QTemporaryDir>
#include <QUndoStack>

namespace mc::test {

inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        return QString();
    return path;
}

inline QByteArray exampleBytes()
{
    QFile f(QStringLiteral(":/examples/users-pictures.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// The title as the window manager shows it: Qt replaces `[*]` with `*` while the
/// window is modified and drops it otherwise.
inline QString shownTitle(const QWidget &w)
{
    QString title = w.windowTitle();
    return title.replace(QStringLiteral("[*]"),
                         w.isWindowModified() ? QStringLiteral("*") : QString());
}

/// Answers the File menu's questions the way a test says, and counts them.
struct Answers
{
    QMessageBox::StandardButton reply = QMessageBox::Cancel;
    QString savePath;
    QString openPath;
    int asked = 0;
    QString lastQuestion;
    QStringList errors;

    mc::FileHooks hooks()
    {
        mc::FileHooks h;
        h.ask = [this](QWidget *, const QString &, const QString &text,
                       QMessageBox::StandardButtons) {
            ++asked;
            lastQuestion = text;
            return reply;
        };
        h.savePath = [this](QWidget *, const QString &) { return savePath; };
        h.openPath = [this](QWidget *, const QString &) { return openPath; };
        h.error = [this](QWidget *, const QString &, const QString &text) { errors << text; };
        return h;
    }
};

inline QAction *action(const mc::MainWindow &w, const char *name)
{
    return w.findChild<QAction *>(QLatin1String(name));
}

/// Renames a model through the undo stack, as the property panel will.
inline void rename(mc::MainWindow &w, const QString &from, const QString &to)
{
    mc::Document *d = w.document();
    d->undoStack()->push(mc::renameModelCommand(d, d->modelIdByName(from), to));
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// What Sequelize derives, as text: tables, columns, references and the order.
inline QString derivedText(const mc::Document &d)
{
    QStringList out;
    for (const mc::DerivedTable &t : d.derived().tables) {
        QStringList cols;
        for (const mc::DerivedColumn &c : t.columns)
            cols << c.column + QLatin1Char(':') + c.type.toString() + QLatin1Char('>') + c.refTable;
        out << t.table + QLatin1Char('(') + cols.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace mc::test
