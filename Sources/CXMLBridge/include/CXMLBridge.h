// A thin C face over system libxml2 for Parley's Swift modules (TBX glossaries, TMX memories).
//
// Like CICUBridge, it exposes only <stdint.h> types and opaque pointers, so Swift modules that
// import Foundation can use it. Documents are parsed with XML_PARSE_NONET (no network, ever),
// XML_PARSE_NOERROR and XML_PARSE_NOWARNING (errors are returned, not printed).
#ifndef PARLEY_CXML_BRIDGE_H
#define PARLEY_CXML_BRIDGE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct ParleyXMLDocument ParleyXMLDocument;
typedef struct ParleyXMLNode ParleyXMLNode;

/// The first parse error: message (owned by the caller, free with parley_xml_free_string), line, column.
typedef struct ParleyXMLError {
    char *message;
    int32_t line;
    int32_t column;
} ParleyXMLError;

/// Parses `length` bytes of XML. On failure returns NULL and fills `error` (message may be NULL).
ParleyXMLDocument *parley_xml_parse(const uint8_t *bytes, int32_t length, ParleyXMLError *error);
void parley_xml_document_free(ParleyXMLDocument *document);

/// The root element, or NULL.
ParleyXMLNode *parley_xml_root(ParleyXMLDocument *document);
/// The first child element of `node` (text and comments are skipped), or NULL.
ParleyXMLNode *parley_xml_first_element(ParleyXMLNode *node);
/// The next sibling element, or NULL.
ParleyXMLNode *parley_xml_next_element(ParleyXMLNode *node);
/// The element's local name (no prefix), borrowed from the document.
const char *parley_xml_name(ParleyXMLNode *node);
/// The source line of the element.
int32_t parley_xml_line(ParleyXMLNode *node);
/// An attribute's value, or NULL; `namespaceURI` may be NULL (e.g. "http://www.w3.org/XML/1998/namespace" for xml:lang).
/// The result is owned by the caller: free it with parley_xml_free_string.
char *parley_xml_attribute(ParleyXMLNode *node, const char *name, const char *namespaceURI);
/// The concatenated text content of the element and its descendants; free with parley_xml_free_string.
char *parley_xml_text(ParleyXMLNode *node);
/// Frees a string returned by this bridge (wraps xmlFree).
void parley_xml_free_string(char *string);

#ifdef __cplusplus
}
#endif

// Located parsing and inline-aware text (XMLLocatedParse.c), part of the same module.
#include "CXMLLocatedParse.h"

#endif
