// Snowball stemmers from Debian's libstemmer-dev (no pkg-config file, hence the plain include).
// The API is plain C with no ICU or Foundation types, so Swift modules import it directly.
#include <libstemmer.h>
