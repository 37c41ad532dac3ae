// libxml2 behind plain C types. Errors are captured, never printed; no network access.
#include "CXMLBridge.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <string.h>

struct ParleyXMLDocument { xmlDoc doc; };
struct ParleyXMLNode { xmlNode node; };

ParleyXMLDocument *parley_xml_parse(const uint8_t *bytes, int32_t length, ParleyXMLError *error) {
    // One parse for both entry points: the located one also records element offsets and reports
    // the first error rather than the last (see XMLLocatedParse.c).
    return parley_xml_parse_located(bytes, length, error);
}

void parley_xml_document_free(ParleyXMLDocument *document) {
    if (document) xmlFreeDoc((xmlDocPtr)document);
}

ParleyXMLNode *parley_xml_root(ParleyXMLDocument *document) {
    return (ParleyXMLNode *)xmlDocGetRootElement((xmlDocPtr)document);
}

static xmlNodePtr next_element(xmlNodePtr node) {
    while (node && node->type != XML_ELEMENT_NODE) node = node->next;
    return node;
}

ParleyXMLNode *parley_xml_first_element(ParleyXMLNode *node) {
    return (ParleyXMLNode *)next_element(((xmlNodePtr)node)->children);
}

ParleyXMLNode *parley_xml_next_element(ParleyXMLNode *node) {
    return (ParleyXMLNode *)next_element(((xmlNodePtr)node)->next);
}

const char *parley_xml_name(ParleyXMLNode *node) {
    return (const char *)((xmlNodePtr)node)->name;
}

int32_t parley_xml_line(ParleyXMLNode *node) {
    return (int32_t)xmlGetLineNo((xmlNodePtr)node);
}

char *parley_xml_attribute(ParleyXMLNode *node, const char *name, const char *namespaceURI) {
    xmlChar *value = namespaceURI ? xmlGetNsProp((xmlNodePtr)node, (const xmlChar *)name, (const xmlChar *)namespaceURI)
                                  : xmlGetNoNsProp((xmlNodePtr)node, (const xmlChar *)name);
    return (char *)value;
}

char *parley_xml_text(ParleyXMLNode *node) {
    return (char *)xmlNodeGetContent((xmlNodePtr)node);
}

void parley_xml_free_string(char *string) {
    if (string) xmlFree(string);
}
