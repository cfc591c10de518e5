#include "cli.h"
#include "commands/commands.h"
#include "document/document.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
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
    mc::MainWindow window;
    // Offers a crashed run's autosave first; else the file given, else the example.
    window.startUp(args.size() > 1 ? args.at(1) : QString());
    applyTestEdit(window);
    window.show();
    return app.exec();
}
