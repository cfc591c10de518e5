#include "cli.h"
#include "commands/commands.h"
#include "document/document.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QPalette>
#include <QStyle>
#include <QUndoStack>

#include <memory>

namespace {

/// Test hook for the crash-recovery test (tests/views/tst_recovery): when
/// MODELCANVAS_TEST_RENAME is `Old=New`, the model Old is renamed to New through a
/// command right after start, so the document is modified and gets autosaved.
void applyTestEdit(mc::MainWindow &window)
{
    const QStringList rename = qEnvironmentVariable("MODELCANVAS_TEST_RENAME").split(u'=');
    if (rename.size() != 2)
        return;
    mc::Document *document = window.document();
    const mc::ModelId id = document->modelIdByName(rename.at(0));
    if (mc::EditCommand *command =
            id ? mc::renameModelCommand(document, id, rename.at(1)) : nullptr)
        document->undoStack()->push(command);
}

/// Fusion's palette in dark colours (Qt 6.4 has no QStyleHints::colorScheme()).
QPalette darkPalette()
{
    QPalette p;
    const QColor window(45, 45, 48), base(30, 30, 32), text(230, 230, 230);
    const QColor highlight(64, 128, 214), disabled(128, 128, 128);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, QColor(60, 60, 64));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 90, 90));
    p.setColor(QPalette::Light, QColor(70, 70, 74));
    p.setColor(QPalette::Midlight, QColor(58, 58, 62));
    p.setColor(QPalette::Mid, QColor(40, 40, 42));
    p.setColor(QPalette::Dark, QColor(25, 25, 27));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(110, 170, 255));
    p.setColor(QPalette::LinkVisited, QColor(170, 140, 255));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(80, 80, 80));
    return p;
}

/// Fusion in the system's light or dark choice: a dark platform palette, or
/// MODELCANVAS_THEME=dark|light to choose.
void applyLook(QApplication &app)
{
    const bool systemDark = QGuiApplication::palette().window().color().lightness() < 128;
    const QByteArray theme = qgetenv("MODELCANVAS_THEME").toLower();
    const bool dark = theme == "dark" || (theme != "light" && systemDark);
    QApplication::setStyle(QStringLiteral("Fusion"));
    app.setPalette(dark ? darkPalette() : QApplication::style()->standardPalette());
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    QCoreApplication::setApplicationName(QStringLiteral("ModelCanvas"));
    QCoreApplication::setOrganizationName(QStringLiteral("ModelCanvas"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MC_VERSION));
    if (mc::isCliVerb(args)) {
        // No display needed for the verbs.
        QCoreApplication app(argc, argv);
        return mc::runCli(args);
    }
    QApplication app(argc, argv);
    applyLook(app);
    mc::MainWindow window;
    window.restoreWindowState();
    // Offers a crashed run's autosave first; else the file given, else the example.
    window.startUp(args.size() > 1 ? args.at(1) : QString());
    applyTestEdit(window);
    window.show();
    return app.exec();
}
