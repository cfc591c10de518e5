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

/// Replaces \a path with \a text (UTF-8) in one step, so a reader never sees half a file.
int writeAtomically(const QString &verb, const QString &path, const QString &text);

int apply(const QStringList &args);
int import(const QStringList &args);

} // namespace mc::cli
