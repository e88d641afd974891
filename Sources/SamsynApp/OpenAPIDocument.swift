/// The OpenAPI 3.1 description of /api/v1. Tests check that every route is described here
/// and that every described path answers.
enum OpenAPIDocument {
    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Samsyn API",
    "version": "1.0.0",
    "description": "Open data from Samsyn: organisations, their members, steering documents with every public version, goal trees and Agenda 2030 links. All reads are public; drafts are never returned. Errors are JSON: {\"error\": {\"status\": 404, \"reason\": \"...\"}}."
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "paths": {
    "/api/v1/openapi.json": {
      "get": {
        "summary": "This document",
        "operationId": "openAPI",
        "responses": {
          "200": {
            "description": "The OpenAPI document",
            "content": {
              "application/json": {}
            }
          }
        }
      }
    },
    "/api/v1/agenda-2030/goals": {
      "get": {
        "summary": "The 17 goals and 169 targets of Agenda 2030",
        "operationId": "agendaGoals",
        "responses": {
          "200": {
            "description": "Goals with their targets",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Goal"
                  }
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/municipalities": {
      "get": {
        "summary": "Sweden's 290 municipalities in the registry",
        "operationId": "municipalities",
        "responses": {
          "200": {
            "description": "Municipalities by SCB code",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Organisation"
                  }
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/organisations": {
      "get": {
        "summary": "Organisations that publish in this installation",
        "operationId": "organisations",
        "responses": {
          "200": {
            "description": "Organisations",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Organisation"
                  }
                }
              }
            }
          }
        }
      },
      "post": {
        "summary": "Import an organisation file",
        "operationId": "importOrganisation",
        "description": "Needs the installation's import token as a bearer token. The file format is schema/organisation-file.schema.json.",
        "security": [
          {
            "importToken": []
          }
        ],
        "parameters": [
          {
            "name": "replace",
            "in": "query",
            "required": false,
            "schema": {
              "type": "boolean"
            },
            "description": "Overwrite an organisation that already exists"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Imported",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ImportResult"
                }
              }
            }
          },
          "200": {
            "description": "Replaced an existing organisation",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ImportResult"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "409": {
            "$ref": "#/components/responses/Error"
          },
          "422": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/organisations/{org}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/org"
        }
      ],
      "get": {
        "summary": "One organisation with its members and documents",
        "operationId": "organisation",
        "responses": {
          "200": {
            "description": "The organisation",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/OrganisationDetail"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/organisations/{org}/members": {
      "parameters": [
        {
          "$ref": "#/components/parameters/org"
        }
      ],
      "get": {
        "summary": "The organisation's members",
        "operationId": "members",
        "responses": {
          "200": {
            "description": "Members in the organisation's order",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Organisation"
                  }
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/organisations/{org}/agenda-2030": {
      "parameters": [
        {
          "$ref": "#/components/parameters/org"
        }
      ],
      "get": {
        "summary": "Which Agenda 2030 goals and targets the organisation's documents serve",
        "operationId": "organisationAgenda",
        "responses": {
          "200": {
            "description": "Links to goals and targets",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AgendaUses"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/organisations/{org}/structure": {
      "parameters": [
        {
          "$ref": "#/components/parameters/org"
        }
      ],
      "get": {
        "summary": "Units, bodies, networks and forums, people and seats",
        "operationId": "structure",
        "responses": {
          "200": {
            "description": "The structure",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Structure"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/organisations/{org}/groups/{group}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/org"
        },
        {
          "name": "group",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          },
          "description": "Key of a body, network or forum"
        }
      ],
      "get": {
        "summary": "A body, network or forum: where it is listed, the units it steers, what it prepares, the key activities that involve it",
        "operationId": "group",
        "responses": {
          "200": {
            "description": "The group",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "group",
                    "listedUnder",
                    "steersUnits",
                    "preparedBy",
                    "activities"
                  ]
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/organisations/{org}/units/{unit}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/org"
        },
        {
          "name": "unit",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          }
        }
      ],
      "get": {
        "summary": "A staff unit with its areas, steering groups and listed networks",
        "operationId": "unit",
        "responses": {
          "200": {
            "description": "The unit",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "key",
                    "name",
                    "areas",
                    "steeringGroups",
                    "listings"
                  ]
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/organisations/{org}/actors/{actor}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/org"
        },
        {
          "name": "actor",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          },
          "description": "Registry slug (kommun-2580, region-norrbotten) or SCB code"
        }
      ],
      "get": {
        "summary": "A member or partner and everything of this organisation that points at it",
        "operationId": "actor",
        "responses": {
          "200": {
            "description": "The actor",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "actor",
                    "key",
                    "isMember",
                    "convenes",
                    "takesPartIn",
                    "seats",
                    "activities"
                  ]
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/organisations/{org}/documents": {
      "parameters": [
        {
          "$ref": "#/components/parameters/org"
        }
      ],
      "get": {
        "summary": "The organisation's published documents",
        "operationId": "documents",
        "responses": {
          "200": {
            "description": "Documents at their newest public version",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/DocumentSummary"
                  }
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "post": {
        "summary": "Create a document: empty with its own level model, or as a copy of another's newest version (unfinished activities carried)",
        "operationId": "createDocument",
        "security": [
          {
            "apiToken": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "slug",
                  "title"
                ],
                "properties": {
                  "slug": {
                    "type": "string"
                  },
                  "title": {
                    "type": "string"
                  },
                  "kind": {
                    "type": "string"
                  },
                  "levels": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  "periodStart": {
                    "type": "integer"
                  },
                  "periodEnd": {
                    "type": "integer"
                  },
                  "copyOf": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "document",
                    "version"
                  ],
                  "properties": {
                    "document": {
                      "type": "string"
                    },
                    "version": {
                      "type": "integer"
                    },
                    "node": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "409": {
            "$ref": "#/components/responses/Error"
          },
          "422": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/organisations/{org}/documents/{doc}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/org"
        },
        {
          "$ref": "#/components/parameters/doc"
        },
        {
          "$ref": "#/components/parameters/version"
        }
      ],
      "get": {
        "summary": "A document version with its prose, Agenda 2030 mapping and tree",
        "operationId": "document",
        "responses": {
          "200": {
            "description": "The document",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Document"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/organisations/{org}/documents/{doc}/tree": {
      "parameters": [
        {
          "$ref": "#/components/parameters/org"
        },
        {
          "$ref": "#/components/parameters/doc"
        },
        {
          "$ref": "#/components/parameters/version"
        }
      ],
      "get": {
        "summary": "The goal tree of a document version",
        "operationId": "documentTree",
        "responses": {
          "200": {
            "description": "The tree",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Tree"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/organisations/{org}/documents/{doc}/versions/{version}/nodes/{node}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/org"
        },
        {
          "$ref": "#/components/parameters/doc"
        },
        {
          "name": "version",
          "in": "path",
          "required": true,
          "schema": {
            "type": "integer",
            "minimum": 1
          }
        },
        {
          "name": "node",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          }
        }
      ],
      "get": {
        "summary": "A node of any version, drafts included, with its revision as ETag (editors and administrators)",
        "operationId": "editableNode",
        "security": [
          {
            "apiToken": []
          }
        ],
        "responses": {
          "200": {
            "description": "The node; the ETag header is its revision",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EditableNode"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "put": {
        "summary": "Save a node's title and text; If-Match must carry the ETag you read",
        "operationId": "saveNode",
        "security": [
          {
            "apiToken": []
          }
        ],
        "parameters": [
          {
            "name": "If-Match",
            "in": "header",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "title",
                  "text"
                ],
                "properties": {
                  "title": {
                    "type": "string"
                  },
                  "text": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Saved; the new ETag is in the header",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EditableNode"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "409": {
            "$ref": "#/components/responses/Error"
          },
          "412": {
            "$ref": "#/components/responses/Error"
          },
          "422": {
            "$ref": "#/components/responses/Error"
          },
          "428": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "delete": {
        "summary": "Remove a node and everything under it from a draft",
        "operationId": "deleteNode",
        "security": [
          {
            "apiToken": []
          }
        ],
        "responses": {
          "204": {
            "description": "Removed"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "409": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/organisations/{org}/documents/{doc}/nodes/{node}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/org"
        },
        {
          "$ref": "#/components/parameters/doc"
        },
        {
          "name": "node",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          },
          "description": "The node's key"
        },
        {
          "$ref": "#/components/parameters/version"
        }
      ],
      "get": {
        "summary": "One node with its facts, children and place in the tree",
        "operationId": "node",
        "responses": {
          "200": {
            "description": "The node",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/NodeDetail"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/organisations/{org}/documents/{doc}/versions": {
      "parameters": [
        {
          "$ref": "#/components/parameters/org"
        },
        {
          "$ref": "#/components/parameters/doc"
        }
      ],
      "post": {
        "summary": "Start a new draft version from the newest version",
        "operationId": "createVersion",
        "security": [
          {
            "apiToken": []
          }
        ],
        "responses": {
          "201": {
            "description": "Created",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "document",
                    "version"
                  ],
                  "properties": {
                    "document": {
                      "type": "string"
                    },
                    "version": {
                      "type": "integer"
                    },
                    "node": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/organisations/{org}/documents/{doc}/versions/{version}/nodes": {
      "parameters": [
        {
          "$ref": "#/components/parameters/org"
        },
        {
          "$ref": "#/components/parameters/doc"
        },
        {
          "name": "version",
          "in": "path",
          "required": true,
          "schema": {
            "type": "integer",
            "minimum": 1
          }
        }
      ],
      "post": {
        "summary": "Add a node to a draft, under a parent or at the top",
        "operationId": "addNode",
        "security": [
          {
            "apiToken": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "title"
                ],
                "properties": {
                  "title": {
                    "type": "string"
                  },
                  "parent": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "document",
                    "version"
                  ],
                  "properties": {
                    "document": {
                      "type": "string"
                    },
                    "version": {
                      "type": "integer"
                    },
                    "node": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "409": {
            "$ref": "#/components/responses/Error"
          },
          "422": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/organisations/{org}/documents/{doc}/versions/{version}/nodes/{node}/move": {
      "parameters": [
        {
          "$ref": "#/components/parameters/org"
        },
        {
          "$ref": "#/components/parameters/doc"
        },
        {
          "name": "version",
          "in": "path",
          "required": true,
          "schema": {
            "type": "integer",
            "minimum": 1
          }
        },
        {
          "name": "node",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          }
        }
      ],
      "post": {
        "summary": "Move a node to another parent one level up, or one place up or down",
        "operationId": "moveNode",
        "security": [
          {
            "apiToken": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [],
                "properties": {
                  "parent": {
                    "type": "string"
                  },
                  "direction": {
                    "type": "string",
                    "enum": [
                      "up",
                      "down"
                    ]
                  }
                }
              }
            }
          }
        },
        "responses": {
          "204": {
            "description": "Moved"
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "409": {
            "$ref": "#/components/responses/Error"
          },
          "422": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/organisations/{org}/documents/{doc}/versions/{version}/nodes/{node}/facts": {
      "parameters": [
        {
          "$ref": "#/components/parameters/org"
        },
        {
          "$ref": "#/components/parameters/doc"
        },
        {
          "name": "version",
          "in": "path",
          "required": true,
          "schema": {
            "type": "integer",
            "minimum": 1
          }
        },
        {
          "name": "node",
          "in": "path",
          "required": true,
          "schema": {
            "type": "string"
          }
        }
      ],
      "put": {
        "summary": "Save a node's facts; If-Match must carry the ETag you read",
        "operationId": "saveFacts",
        "security": [
          {
            "apiToken": []
          }
        ],
        "parameters": [
          {
            "name": "If-Match",
            "in": "header",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [],
                "properties": {
                  "responsibleUnit": {
                    "type": "string"
                  },
                  "status": {
                    "type": "string",
                    "enum": [
                      "planned",
                      "ongoing",
                      "done",
                      "postponed",
                      "cancelled"
                    ]
                  },
                  "partners": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  "networks": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  "strategies": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  "agenda2030": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/AgendaEntry"
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Saved",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EditableNode"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "409": {
            "$ref": "#/components/responses/Error"
          },
          "412": {
            "$ref": "#/components/responses/Error"
          },
          "422": {
            "$ref": "#/components/responses/Error"
          },
          "428": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/organisations/{org}/documents/{doc}/versions/{version}/adoption": {
      "parameters": [
        {
          "$ref": "#/components/parameters/org"
        },
        {
          "$ref": "#/components/parameters/doc"
        },
        {
          "name": "version",
          "in": "path",
          "required": true,
          "schema": {
            "type": "integer",
            "minimum": 1
          }
        }
      ],
      "post": {
        "summary": "Adopt a draft: body, date and decision; the version is frozen and the previous one superseded",
        "operationId": "adopt",
        "security": [
          {
            "apiToken": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "body",
                  "date"
                ],
                "properties": {
                  "body": {
                    "type": "string"
                  },
                  "date": {
                    "type": "string",
                    "format": "date"
                  },
                  "reference": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "204": {
            "description": "Adopted"
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "409": {
            "$ref": "#/components/responses/Error"
          },
          "422": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "importToken": {
        "type": "http",
        "scheme": "bearer"
      },
      "apiToken": {
        "type": "http",
        "scheme": "bearer",
        "description": "A personal API token (samsyn_…), created on the account page"
      }
    },
    "parameters": {
      "org": {
        "name": "org",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string"
        },
        "description": "Organisation slug, e.g. norrbottens-kommuner"
      },
      "doc": {
        "name": "doc",
        "in": "path",
        "required": true,
        "schema": {
          "type": "string"
        },
        "description": "Document slug, e.g. verksamhetsplan-2023"
      },
      "version": {
        "name": "version",
        "in": "query",
        "required": false,
        "schema": {
          "type": "integer",
          "minimum": 1
        },
        "description": "A version number; the newest public version when absent"
      }
    },
    "responses": {
      "Error": {
        "description": "An error",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      }
    },
    "schemas": {
      "Error": {
        "type": "object",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "object",
            "required": [
              "status",
              "reason"
            ],
            "properties": {
              "status": {
                "type": "integer"
              },
              "reason": {
                "type": "string"
              }
            }
          }
        }
      },
      "Organisation": {
        "type": "object",
        "required": [
          "slug",
          "name",
          "kind"
        ],
        "properties": {
          "slug": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "kind": {
            "type": "string"
          },
          "county": {
            "type": "string"
          },
          "scbCode": {
            "type": "string"
          },
          "population": {
            "type": "integer"
          },
          "populationYear": {
            "type": "integer"
          }
        }
      },
      "OrganisationDetail": {
        "type": "object",
        "required": [
          "organisation",
          "members",
          "documents"
        ],
        "properties": {
          "organisation": {
            "$ref": "#/components/schemas/Organisation"
          },
          "members": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Organisation"
            }
          },
          "documents": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/DocumentSummary"
            }
          }
        }
      },
      "DocumentSummary": {
        "type": "object",
        "required": [
          "slug",
          "kind",
          "title",
          "status",
          "version"
        ],
        "properties": {
          "slug": {
            "type": "string"
          },
          "kind": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "adopted",
              "superseded"
            ]
          },
          "version": {
            "type": "integer"
          },
          "periodStart": {
            "type": "integer"
          },
          "periodEnd": {
            "type": "integer"
          }
        }
      },
      "VersionInfo": {
        "type": "object",
        "required": [
          "number",
          "title",
          "status",
          "levels"
        ],
        "properties": {
          "number": {
            "type": "integer"
          },
          "title": {
            "type": "string"
          },
          "status": {
            "type": "string"
          },
          "periodStart": {
            "type": "integer"
          },
          "periodEnd": {
            "type": "integer"
          },
          "adoptedBy": {
            "type": "string"
          },
          "adoptedOn": {
            "type": "string"
          },
          "decisionReference": {
            "type": "string"
          },
          "levels": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "Section": {
        "type": "object",
        "required": [
          "key",
          "depth",
          "body"
        ],
        "properties": {
          "key": {
            "type": "string"
          },
          "heading": {
            "type": "string"
          },
          "depth": {
            "type": "integer"
          },
          "role": {
            "type": "string",
            "enum": [
              "strategy",
              "agenda-2030",
              "goal-tree"
            ]
          },
          "body": {
            "type": "string",
            "description": "Markdown: paragraphs, lists, **strong**, *emphasis*"
          }
        }
      },
      "AgendaEntry": {
        "type": "object",
        "required": [
          "code",
          "role",
          "explanation"
        ],
        "properties": {
          "code": {
            "type": "string"
          },
          "role": {
            "type": "string",
            "enum": [
              "primary",
              "secondary",
              "framing"
            ]
          },
          "explanation": {
            "type": "string"
          }
        }
      },
      "Node": {
        "type": "object",
        "required": [
          "key",
          "level",
          "depth",
          "title",
          "text",
          "children"
        ],
        "properties": {
          "key": {
            "type": "string"
          },
          "level": {
            "type": "string"
          },
          "depth": {
            "type": "integer"
          },
          "title": {
            "type": "string"
          },
          "text": {
            "type": "string"
          },
          "responsibleUnit": {
            "type": "string"
          },
          "status": {
            "type": "string"
          },
          "partners": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "networks": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "strategies": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "implements": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "document": {
                  "type": "string"
                },
                "node": {
                  "type": "string"
                }
              }
            }
          },
          "agenda2030": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AgendaEntry"
            }
          },
          "children": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Node"
            }
          }
        }
      },
      "Document": {
        "type": "object",
        "required": [
          "organisation",
          "slug",
          "kind",
          "version",
          "versions",
          "sections",
          "agenda2030",
          "nodes"
        ],
        "properties": {
          "organisation": {
            "type": "object",
            "properties": {
              "slug": {
                "type": "string"
              },
              "name": {
                "type": "string"
              }
            }
          },
          "slug": {
            "type": "string"
          },
          "kind": {
            "type": "string"
          },
          "version": {
            "$ref": "#/components/schemas/VersionInfo"
          },
          "versions": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/VersionInfo"
            }
          },
          "sections": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Section"
            }
          },
          "agenda2030": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AgendaEntry"
            }
          },
          "nodes": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Node"
            }
          }
        }
      },
      "Tree": {
        "type": "object",
        "required": [
          "organisation",
          "document",
          "version",
          "levels",
          "nodes"
        ],
        "properties": {
          "organisation": {
            "type": "string"
          },
          "document": {
            "type": "string"
          },
          "version": {
            "type": "integer"
          },
          "levels": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "nodes": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Node"
            }
          }
        }
      },
      "NodeDetail": {
        "type": "object",
        "required": [
          "organisation",
          "document",
          "version",
          "path",
          "node"
        ],
        "properties": {
          "organisation": {
            "type": "string"
          },
          "document": {
            "type": "string"
          },
          "version": {
            "type": "integer"
          },
          "path": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "node": {
            "$ref": "#/components/schemas/Node"
          }
        }
      },
      "AgendaUses": {
        "type": "object",
        "required": [
          "organisation",
          "servedGoals",
          "uses"
        ],
        "properties": {
          "organisation": {
            "type": "string"
          },
          "servedGoals": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "uses": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "code": {
                  "type": "string"
                },
                "goal": {
                  "type": "string"
                },
                "role": {
                  "type": "string"
                },
                "explanation": {
                  "type": "string"
                },
                "document": {
                  "type": "string"
                },
                "documentTitle": {
                  "type": "string"
                },
                "node": {
                  "type": "string"
                },
                "nodeTitle": {
                  "type": "string"
                }
              }
            }
          }
        }
      },
      "Goal": {
        "type": "object",
        "required": [
          "code",
          "titleSv",
          "titleEn",
          "targets"
        ],
        "properties": {
          "code": {
            "type": "string"
          },
          "titleSv": {
            "type": "string"
          },
          "titleEn": {
            "type": "string"
          },
          "targets": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "code": {
                  "type": "string"
                },
                "goal": {
                  "type": "string"
                },
                "titleSv": {
                  "type": "string"
                },
                "shortTitleSv": {
                  "type": "string"
                },
                "titleEn": {
                  "type": "string"
                }
              }
            }
          }
        }
      },
      "Structure": {
        "type": "object",
        "required": [
          "units",
          "groups",
          "people"
        ],
        "properties": {
          "units": {
            "type": "array",
            "items": {
              "type": "object"
            }
          },
          "groups": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "key",
                "name",
                "kind",
                "isBody",
                "mandate",
                "partners",
                "seats"
              ]
            }
          },
          "people": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "key",
                "name"
              ]
            }
          }
        }
      },
      "EditableNode": {
        "type": "object",
        "required": [
          "key",
          "level",
          "title",
          "text",
          "revision",
          "versionStatus"
        ],
        "properties": {
          "key": {
            "type": "string"
          },
          "level": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "text": {
            "type": "string"
          },
          "revision": {
            "type": "integer"
          },
          "versionStatus": {
            "type": "string",
            "enum": [
              "draft",
              "adopted",
              "superseded"
            ]
          }
        }
      },
      "ImportResult": {
        "type": "object",
        "required": [
          "organisation",
          "documents",
          "nodes",
          "replaced"
        ],
        "properties": {
          "organisation": {
            "type": "string"
          },
          "documents": {
            "type": "integer"
          },
          "nodes": {
            "type": "integer"
          },
          "replaced": {
            "type": "boolean"
          }
        }
      }
    }
  }
}
"""#
}
