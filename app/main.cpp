#include "cli.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCoreApplication>

#include <memory>

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
    if (args.size() > 1)
        window.openFile(args.at(1));
    window.show();
    return app.exec();
}
