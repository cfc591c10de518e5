// The scripts (ddlScript()) expected for the schemas of ddltestschemas.h: Sequelize
// 6.37.8's text where Sequelize keeps the names (it strips quote characters from
// identifiers; these keep them, doubled), run as-is on SQLite, PostgreSQL 15 and
// MariaDB 10.11.
#pragma once

namespace ddltest {

inline const char kHostileSqlite[] =
    R"sql(CREATE TABLE IF NOT EXISTS `select` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `from` VARCHAR(255), `Robert'); DROP TABLE Students;--` VARCHAR(255), `名前` VARCHAR(255) DEFAULT '山田 ''Taro''', `a``b` VARCHAR(255), `a"b` VARCHAR(255), `%1%2` INTEGER DEFAULT 7, `mood` TEXT NOT NULL DEFAULT 'it''s', `note` TEXT, `group` VARCHAR(255), `order` VARCHAR(255), `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL, UNIQUE (`group`, `order`));
CREATE INDEX `ix ``'"%1` ON `select` (`from`, `a``b`);
CREATE UNIQUE INDEX `select_%1%2` ON `select` (`%1%2`);
CREATE TABLE IF NOT EXISTS `we``ird "table" 名前` (`code` VARCHAR(16) PRIMARY KEY, `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL);
CREATE TABLE IF NOT EXISTS `Robert'); DROP TABLE Students;--` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `label` VARCHAR(255), `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL, `select``id"` INTEGER REFERENCES `select` (`id`) ON DELETE SET NULL ON UPDATE CASCADE, `OddCode` VARCHAR(16) REFERENCES `we``ird "table" 名前` (`code`) ON DELETE SET NULL ON UPDATE CASCADE);
CREATE TABLE IF NOT EXISTS `join "table"` (`createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL, `BobbyId` INTEGER NOT NULL REFERENCES `Robert'); DROP TABLE Students;--` (`id`) ON DELETE CASCADE ON UPDATE CASCADE, `WeirdCode` VARCHAR(16) NOT NULL REFERENCES `we``ird "table" 名前` (`code`) ON DELETE CASCADE ON UPDATE CASCADE, PRIMARY KEY (`BobbyId`, `WeirdCode`));
)sql";

inline const char kHostilePostgres[] =
    R"sql(DO 'BEGIN CREATE TYPE "public"."enum_select_mood" AS ENUM(''it''''s'', ''a\b'', ''x"y'', ''%1''); EXCEPTION WHEN duplicate_object THEN null; END';
CREATE TABLE IF NOT EXISTS "select" ("id"   SERIAL , "from" VARCHAR(255), "Robert'); DROP TABLE Students;--" VARCHAR(255), "名前" VARCHAR(255) DEFAULT '山田 ''Taro''', "a`b" VARCHAR(255), "a""b" VARCHAR(255), "%1%2" INTEGER DEFAULT 7, "mood" "public"."enum_select_mood" NOT NULL DEFAULT 'it''s', "note" TEXT , "group" VARCHAR(255), "order" VARCHAR(255), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, UNIQUE ("group", "order"), PRIMARY KEY ("id")); COMMENT ON COLUMN "select"."note" IS 'O''Reilly \ "quoted"';
CREATE INDEX "ix `'""%1" ON "select" ("from", "a`b");
CREATE UNIQUE INDEX "select_%1%2" ON "select" ("%1%2");
CREATE TABLE IF NOT EXISTS "we`ird ""table"" 名前" ("code" VARCHAR(16) , "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY ("code"));
CREATE TABLE IF NOT EXISTS "Robert'); DROP TABLE Students;--" ("id"   SERIAL , "label" VARCHAR(255), "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "select`id""" INTEGER REFERENCES "select" ("id") ON DELETE SET NULL ON UPDATE CASCADE, "OddCode" VARCHAR(16) REFERENCES "we`ird ""table"" 名前" ("code") ON DELETE SET NULL ON UPDATE CASCADE, PRIMARY KEY ("id"));
CREATE TABLE IF NOT EXISTS "join ""table""" ("createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "BobbyId" INTEGER  REFERENCES "Robert'); DROP TABLE Students;--" ("id") ON DELETE CASCADE ON UPDATE CASCADE, "WeirdCode" VARCHAR(16)  REFERENCES "we`ird ""table"" 名前" ("code") ON DELETE CASCADE ON UPDATE CASCADE, PRIMARY KEY ("BobbyId","WeirdCode"));
)sql";

inline const char kHostileMysql[] =
    R"sql(CREATE TABLE IF NOT EXISTS `select` (`id` INTEGER NOT NULL auto_increment , `from` VARCHAR(255), `Robert'); DROP TABLE Students;--` VARCHAR(255), `名前` VARCHAR(255) DEFAULT '山田 \'Taro\'', `a``b` VARCHAR(255), `a"b` VARCHAR(255), `%1%2` INTEGER DEFAULT 7, `mood` ENUM('it\'s', 'a\\b', 'x\"y', '%1') NOT NULL DEFAULT 'it\'s', `note` TEXT COMMENT 'O\'Reilly \\ \"quoted\"', `group` VARCHAR(255), `order` VARCHAR(255), `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL, UNIQUE `u``q'x"y` (`group`, `order`), PRIMARY KEY (`id`)) ENGINE=InnoDB;
ALTER TABLE `select` ADD INDEX `ix ``'"%1` (`from`, `a``b`);
ALTER TABLE `select` ADD UNIQUE INDEX `select_%1%2` (`%1%2`);
CREATE TABLE IF NOT EXISTS `we``ird "table" 名前` (`code` VARCHAR(16) , `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL, PRIMARY KEY (`code`)) ENGINE=InnoDB;
CREATE TABLE IF NOT EXISTS `Robert'); DROP TABLE Students;--` (`id` INTEGER NOT NULL auto_increment , `label` VARCHAR(255), `createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL, `select``id"` INTEGER, `OddCode` VARCHAR(16), PRIMARY KEY (`id`), FOREIGN KEY (`select``id"`) REFERENCES `select` (`id`) ON DELETE SET NULL ON UPDATE CASCADE, FOREIGN KEY (`OddCode`) REFERENCES `we``ird "table" 名前` (`code`) ON DELETE SET NULL ON UPDATE CASCADE) ENGINE=InnoDB;
CREATE TABLE IF NOT EXISTS `join "table"` (`createdAt` DATETIME NOT NULL, `updatedAt` DATETIME NOT NULL, `BobbyId` INTEGER , `WeirdCode` VARCHAR(16) , PRIMARY KEY (`BobbyId`, `WeirdCode`), FOREIGN KEY (`BobbyId`) REFERENCES `Robert'); DROP TABLE Students;--` (`id`) ON DELETE CASCADE ON UPDATE CASCADE, FOREIGN KEY (`WeirdCode`) REFERENCES `we``ird "table" 名前` (`code`) ON DELETE CASCADE ON UPDATE CASCADE) ENGINE=InnoDB;
)sql";

inline const char kIndexesSqlite[] =
    R"sql(CREATE TABLE IF NOT EXISTS `Users` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `name` VARCHAR(255));
CREATE TABLE IF NOT EXISTS `Pictures` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `format` VARCHAR(255), `takenAt` DATETIME, `UserId` INTEGER REFERENCES `Users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE);
CREATE INDEX `pictures__user_id` ON `Pictures` (`UserId`);
CREATE UNIQUE INDEX `pictures_format_taken_at` ON `Pictures` (`format`, `takenAt`);
CREATE INDEX `pic_fmt` ON `Pictures` (`format`);
)sql";

inline const char kIndexesPostgres[] =
    R"sql(CREATE TABLE IF NOT EXISTS "Users" ("id"   SERIAL , "name" VARCHAR(255), PRIMARY KEY ("id"));
CREATE TABLE IF NOT EXISTS "Pictures" ("id"   SERIAL , "format" VARCHAR(255), "takenAt" TIMESTAMP WITH TIME ZONE, "UserId" INTEGER REFERENCES "Users" ("id") ON DELETE SET NULL ON UPDATE CASCADE, PRIMARY KEY ("id"));
CREATE INDEX "pictures__user_id" ON "Pictures" ("UserId");
CREATE UNIQUE INDEX "pictures_format_taken_at" ON "Pictures" ("format", "takenAt");
CREATE INDEX "pic_fmt" ON "Pictures" ("format");
)sql";

inline const char kIndexesMysql[] =
    R"sql(CREATE TABLE IF NOT EXISTS `Users` (`id` INTEGER NOT NULL auto_increment , `name` VARCHAR(255), PRIMARY KEY (`id`)) ENGINE=InnoDB;
CREATE TABLE IF NOT EXISTS `Pictures` (`id` INTEGER NOT NULL auto_increment , `format` VARCHAR(255), `takenAt` DATETIME, `UserId` INTEGER, PRIMARY KEY (`id`), FOREIGN KEY (`UserId`) REFERENCES `Users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE) ENGINE=InnoDB;
ALTER TABLE `Pictures` ADD INDEX `pictures__user_id` (`UserId`);
ALTER TABLE `Pictures` ADD UNIQUE INDEX `pictures_format_taken_at` (`format`, `takenAt`);
ALTER TABLE `Pictures` ADD INDEX `pic_fmt` (`format`);
)sql";

inline const char kEnumQuotesSqlite[] =
    R"sql(CREATE TABLE IF NOT EXISTS `Samples` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `mood` TEXT NOT NULL DEFAULT 'it''s');
)sql";

inline const char kEnumQuotesPostgres[] =
    R"sql(DO 'BEGIN CREATE TYPE "public"."enum_Samples_mood" AS ENUM(''it''''s'', ''a\b'', ''say "hi"''); EXCEPTION WHEN duplicate_object THEN null; END';
CREATE TABLE IF NOT EXISTS "Samples" ("id"   SERIAL , "mood" "public"."enum_Samples_mood" NOT NULL DEFAULT 'it''s', PRIMARY KEY ("id"));
)sql";

inline const char kEnumQuotesMysql[] =
    R"sql(CREATE TABLE IF NOT EXISTS `Samples` (`id` INTEGER NOT NULL auto_increment , `mood` ENUM('it\'s', 'a\\b', 'say \"hi\"') NOT NULL DEFAULT 'it\'s', PRIMARY KEY (`id`)) ENGINE=InnoDB;
)sql";

inline const char kCycleWithJunctionSqlite[] = R"sql(PRAGMA foreign_keys = OFF;
CREATE TABLE IF NOT EXISTS `Users` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `name` VARCHAR(255), `ProfilePictureId` INTEGER REFERENCES `Pictures` (`id`) ON DELETE SET NULL ON UPDATE CASCADE);
CREATE INDEX `users__profile_picture_id` ON `Users` (`ProfilePictureId`);
CREATE TABLE IF NOT EXISTS `Pictures` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `format` VARCHAR(255), `ownerId` INTEGER NOT NULL REFERENCES `Users` (`id`) ON DELETE CASCADE ON UPDATE CASCADE);
CREATE TABLE IF NOT EXISTS `Tags` (`id` INTEGER PRIMARY KEY AUTOINCREMENT, `label` VARCHAR(255));
CREATE TABLE IF NOT EXISTS `PictureTags` (`PictureId` INTEGER NOT NULL REFERENCES `Pictures` (`id`) ON DELETE CASCADE ON UPDATE CASCADE, `TagId` INTEGER NOT NULL REFERENCES `Tags` (`id`) ON DELETE CASCADE ON UPDATE CASCADE, PRIMARY KEY (`PictureId`, `TagId`));
PRAGMA foreign_keys = ON;
)sql";

inline const char kCycleWithJunctionPostgres[] =
    R"sql(CREATE TABLE IF NOT EXISTS "Users" ("id"   SERIAL , "name" VARCHAR(255), "ProfilePictureId" INTEGER, PRIMARY KEY ("id"));
CREATE INDEX "users__profile_picture_id" ON "Users" ("ProfilePictureId");
CREATE TABLE IF NOT EXISTS "Pictures" ("id"   SERIAL , "format" VARCHAR(255), "ownerId" INTEGER NOT NULL, PRIMARY KEY ("id"));
CREATE TABLE IF NOT EXISTS "Tags" ("id"   SERIAL , "label" VARCHAR(255), PRIMARY KEY ("id"));
CREATE TABLE IF NOT EXISTS "PictureTags" ("PictureId" INTEGER , "TagId" INTEGER , PRIMARY KEY ("PictureId","TagId"));
ALTER TABLE "Users"  ADD FOREIGN KEY ("ProfilePictureId") REFERENCES "Pictures" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Pictures"  ADD FOREIGN KEY ("ownerId") REFERENCES "Users" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
)sql";

inline const char kCycleWithJunctionMysql[] =
    R"sql(CREATE TABLE IF NOT EXISTS `Users` (`id` INTEGER NOT NULL auto_increment , `name` VARCHAR(255), `ProfilePictureId` INTEGER, PRIMARY KEY (`id`)) ENGINE=InnoDB;
ALTER TABLE `Users` ADD INDEX `users__profile_picture_id` (`ProfilePictureId`);
CREATE TABLE IF NOT EXISTS `Pictures` (`id` INTEGER NOT NULL auto_increment , `format` VARCHAR(255), `ownerId` INTEGER NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB;
CREATE TABLE IF NOT EXISTS `Tags` (`id` INTEGER NOT NULL auto_increment , `label` VARCHAR(255), PRIMARY KEY (`id`)) ENGINE=InnoDB;
CREATE TABLE IF NOT EXISTS `PictureTags` (`PictureId` INTEGER , `TagId` INTEGER , PRIMARY KEY (`PictureId`, `TagId`)) ENGINE=InnoDB;
ALTER TABLE `Users` ADD FOREIGN KEY (`ProfilePictureId`) REFERENCES `Pictures` (`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `Pictures` ADD FOREIGN KEY (`ownerId`) REFERENCES `Users` (`id`) ON DELETE CASCADE ON UPDATE CASCADE;
)sql";

} // namespace ddltest
