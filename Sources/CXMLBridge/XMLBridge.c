// libxml2 behind plain C types. Errors are captured, never printed; no network access.
#include "CXMLBridge.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <string.h>

struct ParleyXMLDocument { xmlDoc doc; };
struct ParleyXMLNode { xmlNode node; };

static char *copy_string(const char *s) {
    if (!s) return NULL;
    return (char *)xmlStrdup((const xmlChar *)s);
}

ParleyXMLDocument *parley_xml_parse(const uint8_t *bytes, int32_t length, ParleyXMLError *error) {
    error->message = NULL;
    error->line = 0;
    error->column = 0;
    xmlParserCtxtPtr context = xmlNewParserCtxt();
    if (!context) {
        error->message = copy_string("cannot allocate an XML parser");
        return NULL;
    }
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    xmlDocPtr doc = xmlCtxtReadMemory(context, (const char *)bytes, length, "memory.xml", NULL, options);
    if (!doc || !context->wellFormed) {
        const xmlError *last = xmlCtxtGetLastError(context);
        if (last) {
            char *message = copy_string(last->message ? last->message : "malformed XML");
            // libxml2 messages end with a newline; callers print them on one line.
            if (message) {
                size_t n = strlen(message);
                while (n > 0 && (message[n - 1] == '\n' || message[n - 1] == '\r')) message[--n] = 0;
            }
            error->message = message;
            error->line = last->line;
            error->column = last->int2;
        } else {
            error->message = copy_string("malformed XML");
        }
        if (doc) xmlFreeDoc(doc);
        xmlFreeParserCtxt(context);
        return NULL;
    }
    xmlFreeParserCtxt(context);
    return (ParleyXMLDocument *)doc;
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
