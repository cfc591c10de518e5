#pragma once

#include <QStringList>

namespace mc {

/// Exit codes of the command-line verbs.
enum ExitCode { ExitOk = 0, ExitProblems = 1, ExitUsage = 2 };

/// True when argv names a command-line verb (the app then runs without a GUI).
bool isCliVerb(const QStringList &args);

/// Runs `modelcanvas VERB ...`; returns the process exit code.
int runCli(const QStringList &args);

} // namespace mc
