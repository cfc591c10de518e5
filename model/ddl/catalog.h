#pragma once

#include "ddl/sqltypes.h"
#include "rules/analysis.h"
#include "rules/derive.h"

namespace mc {

/// The schema as a database catalog reports it once Sequelize's DDL has run, in
/// the shape of the conformance expectations (`tables` of expected/NAME.json).
JsonValue catalogTables(const DerivedSchema &derived, Dialect dialect);

/// The whole `modelcanvas inspect` document: order, toposortOrder, toposortError,
/// tables, accessors, error, errorPhase.
JsonValue inspectDocument(const DerivedSchema &derived, const Analysis &analysis, Dialect dialect);

/// Indented JSON (2 spaces) with keys in stored order; short arrays of scalars and
/// leaf objects stay on one line.
QString prettyJson(const JsonValue &value);

} // namespace mc
