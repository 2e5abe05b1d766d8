#include <sqlite3.h>

/// sqlite3_db_config is variadic, which Swift cannot call: one non-variadic wrapper for the
/// options that take (int, int*).
static inline int timeline_db_config_flag(sqlite3 *db, int option, int value) {
    int current = 0;
    return sqlite3_db_config(db, option, value, &current);
}
