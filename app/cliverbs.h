#pragma once

#include "domain/schema.h"

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

#include <optional>

// What the verbs of cli.cpp and clidatabase.cpp share; not part of the app's API.
namespace mc::cli {

QTextStream &out();
QTextStream &err();

/// Parses a verb's options; returns -1 to go on, or the exit code to stop with.
int parse(QCommandLineParser &p, const QStringList &args, const QString &usageLine);

/// Loads a project file, printing its problems to stderr; nullopt when it has errors.
std::optional<Schema> load(const QString &path);

/// Keeps \a value alive until the process exits, and returns it. A verb runs once
/// per process: its large results (a 10,000-model schema and its derivation are
/// about a million small blocks) are left to the operating system rather than freed
/// one by one, which took a tenth of `inspect`'s time. The pointer stays reachable,
/// so leak checkers do not report it.
template <typename T> const T &keepUntilExit(T value)
{
    static T *kept = nullptr; // a second call (only ever in-process) frees the first
    delete kept;
    kept = new T(std::move(value));
    return *kept;
}

/// Replaces \a path with \a text (UTF-8) in one step, so a reader never sees half a file.
int writeAtomically(const QString &verb, const QString &path, const QString &text);

int apply(const QStringList &args);
int import(const QStringList &args);

} // namespace mc::cli
