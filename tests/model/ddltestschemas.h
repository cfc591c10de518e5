// Schemas the DDL tests share (tst_ddl, tst_ddlcatalog). Their expected SQL was
// checked against Sequelize 6.37.8's own generators (names without quote characters)
// and run on SQLite 3, PostgreSQL 15 and MariaDB 10.11.
#pragma once

#include "io/schemareader.h"
#include "rules/derive.h"

#include <QByteArray>

namespace ddltest {

/// Names that are SQL keywords, an injection attempt, CJK, quote characters of every
/// dialect and QString::arg() placeholders; an ENUM and a comment with quotes and a
/// backslash; a named unique group, indexes, a junction between hostile tables.
inline const char kHostile[] = R"json({
  "format": "modelcanvas/1",
  "options": {"underscored": false, "timestamps": true, "freezeTableName": false},
  "models": [
    {"name": "Select", "tableName": "select", "attributes": [
      {"name": "from", "type": "STRING"},
      {"name": "injection", "type": "STRING", "field": "Robert'); DROP TABLE Students;--"},
      {"name": "名前", "type": "STRING", "defaultValue": "山田 'Taro'"},
      {"name": "tick", "type": "STRING", "field": "a`b"},
      {"name": "dquote", "type": "STRING", "field": "a\"b"},
      {"name": "percent", "type": "INTEGER", "field": "%1%2", "defaultValue": 7},
      {"name": "mood", "type": "ENUM('it''s','a\\b','x\"y','%1')", "defaultValue": "it's",
       "allowNull": false},
      {"name": "note", "type": "TEXT", "comment": "O'Reilly \\ \"quoted\""},
      {"name": "group", "type": "STRING", "unique": "u`q'x\"y"},
      {"name": "order", "type": "STRING", "unique": "u`q'x\"y"}
    ], "indexes": [{"fields": ["from", "a`b"], "name": "ix `'\"%1"},
                   {"fields": ["%1%2"], "unique": true}]},
    {"name": "Bobby", "tableName": "Robert'); DROP TABLE Students;--", "attributes": [
      {"name": "label", "type": "STRING"}
    ]},
    {"name": "Weird", "tableName": "we`ird \"table\" 名前", "attributes": [
      {"name": "code", "type": "STRING(16)", "primaryKey": true}
    ]}
  ],
  "associations": [
    {"type": "hasMany", "source": "Select", "target": "Bobby", "foreignKey": "select`id\""},
    {"type": "belongsTo", "source": "Bobby", "target": "Weird", "as": "Odd"},
    {"type": "belongsToMany", "source": "Bobby", "target": "Weird", "through": "join \"table\"",
     "as": "Oddities"}
  ]
})json";

/// Model indexes: derived default names, a unique one, an explicit name, an FK field.
inline const char kIndexes[] = R"json({
  "format": "modelcanvas/1",
  "options": {"underscored": false, "timestamps": false, "freezeTableName": false},
  "models": [
    {"name": "User", "tableName": null, "attributes": [{"name": "name", "type": "STRING"}]},
    {"name": "Picture", "tableName": null,
     "attributes": [{"name": "format", "type": "STRING"}, {"name": "takenAt", "type": "DATE"}],
     "indexes": [{"fields": ["UserId"]}, {"fields": ["format", "takenAt"], "unique": true},
                 {"fields": ["format"], "name": "pic_fmt"}]}
  ],
  "associations": [{"type": "hasMany", "source": "User", "target": "Picture"}]
})json";

/// ENUM values with a quote, a backslash and double quotes; a quoted default.
inline const char kEnumQuotes[] = R"json({
  "format": "modelcanvas/1",
  "options": {"underscored": false, "timestamps": false, "freezeTableName": false},
  "models": [{"name": "Sample", "tableName": null, "attributes": [
    {"name": "mood", "type": "ENUM('it''s','a\\b','say \"hi\"')", "defaultValue": "it's",
     "allowNull": false}]}],
  "associations": []
})json";

/// A cycle (Users <-> Pictures) plus a junction whose keys are its primary key, and
/// an index on a cyclic table.
inline const char kCycleWithJunction[] = R"json({
  "format": "modelcanvas/1",
  "options": {"underscored": false, "timestamps": false, "freezeTableName": false},
  "models": [
    {"name": "User", "tableName": null, "attributes": [{"name": "name", "type": "STRING"}],
     "indexes": [{"fields": ["ProfilePictureId"]}]},
    {"name": "Picture", "tableName": null, "attributes": [{"name": "format", "type": "STRING"}]},
    {"name": "Tag", "tableName": null, "attributes": [{"name": "label", "type": "STRING"}]}
  ],
  "associations": [
    {"type": "hasMany", "source": "User", "target": "Picture",
     "foreignKey": {"name": "ownerId", "allowNull": false}},
    {"type": "belongsTo", "source": "User", "target": "Picture", "as": "ProfilePicture"},
    {"type": "belongsToMany", "source": "Picture", "target": "Tag", "through": "PictureTags"}
  ]
})json";

/// Loads a test schema; aborts the test program when it does not load.
inline mc::DerivedSchema deriveDocument(const char *json)
{
    const mc::LoadResult r = mc::readSchema(QByteArray(json));
    if (!r.schema) {
        for (const mc::Diagnostic &d : r.diagnostics)
            qWarning("%s", qPrintable(d.toString()));
        qFatal("test schema does not load");
    }
    return mc::derive(*r.schema);
}

} // namespace ddltest
