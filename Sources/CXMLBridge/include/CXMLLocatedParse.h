// Parsing that remembers where each element starts, and text extraction that skips inline codes.
//
// libxml2's DOM keeps a line per element but no column; TBX and TMX diagnostics need both. This
// parse hooks the SAX start-element callback to record the byte offset of each element's start tag.
// Same conventions as CXMLBridge.h: stdint types and opaque pointers only.
#ifndef PARLEY_CXML_LOCATED_PARSE_H
#define PARLEY_CXML_LOCATED_PARSE_H

#include <stdint.h>
#include "CXMLBridge.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Like parley_xml_parse, and every element remembers the byte offset (in `bytes`) of the
/// character just past its start tag's name and attributes; see parley_xml_start_offset.
ParleyXMLDocument *parley_xml_parse_located(const uint8_t *bytes, int32_t length, ParleyXMLError *error);

/// For a document from parley_xml_parse_located: the byte offset, in the parsed input, of a point
/// inside the element's start tag (at or after its name), or -1 when unknown. Scan back to the
/// '<' to find the tag's first byte ('<' cannot occur inside a start tag).
int64_t parley_xml_start_offset(ParleyXMLNode *node);

/// The text of the element and its descendants, leaving out the content of descendant elements
/// whose local name is one of `skipped` (names separated by single spaces, e.g. "bpt ept ph it ut",
/// TMX inline codes). Owned by the caller: free with parley_xml_free_string. Never NULL.
char *parley_xml_text_skipping(ParleyXMLNode *node, const char *skipped);

#ifdef __cplusplus
}
#endif

#endif
