#!/usr/bin/env python3
"""Deterministic generator of the cedre 2013 network fixture.

Writes, from the federation's 2013 activity report (the seed) and the official list of
départements:

    Fixtures/departements.csv              départements, 2013 regions, regional bodies
    Fixtures/network-2013/members.csv      the 511 members at 2013-12-31
    Fixtures/network-2013/events.jsonl     the certification facts up to 2013-12-31
    Fixtures/network-2013/README.md        provenance, partition, counts
    Fixtures/README.md                     what each file is, how to regenerate

then re-reads the written files and checks them (assert-based) against the report's
figures and the certification rules, and prints the counts.

Usage (from the repository root):  python3 Fixtures/generate-network-2013.py [--source PATH]

--source is the official départements file (code, name, region_2013, chef_lieu,
chef_lieu_insee, latitude, longitude); by default the first of $CEDRE_DEPARTEMENTS_SOURCE,
../shared/data/departements.csv, /work/shared/data/departements.csv that exists. Without
one, Fixtures/departements.csv itself is read back and rewritten unchanged, so the network
can always be regenerated from the repository alone.

Standard library only (Python 3.11); every draw comes from random.Random(2013).
"""

from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import io
import json
import os
import pathlib
import random
import re
import sys

FIXTURES = pathlib.Path(__file__).resolve().parent
NETWORK = FIXTURES / "network-2013"
AS_OF = dt.date(2013, 12, 31)
SEED = 2013

# --------------------------------------------------------------------------------------
# Federation geography
# --------------------------------------------------------------------------------------

#: 2013 administrative region → the federation's regional body covering it (report p.9).
REGIONAL_BODY = {
    "Alsace": "COORACE Alsace",
    "Aquitaine": "COORACE Aquitaine",
    "Auvergne": "COORACE Auvergne",
    "Basse-Normandie": "COORACE Basse-Normandie",
    "Bretagne": "COORACE Bretagne",
    "Centre": "COORACE Centre-Limousin",
    "Limousin": "COORACE Centre-Limousin",
    "Corse": "COORACE Corse",
    "Franche-Comté": "COORACE Franche-Comté",
    "Haute-Normandie": "COORACE Haute-Normandie",
    "Île-de-France": "COORACE Ile-de-France",
    "La Réunion": "COORACE La Réunion - Mayotte",
    "Mayotte": "COORACE La Réunion - Mayotte",
    "Lorraine": "COORACE Lorraine",
    "Midi-Pyrénées": "COORACE Midi-Pyrénées",
    "Nord-Pas-de-Calais": "COORACE Nord-Pas-de-Calais",
    "Provence-Alpes-Côte d'Azur": "COORACE P.A.C.A.",
    "Pays de la Loire": "COORACE Pays de la Loire",
    "Poitou-Charentes": "COORACE Poitou-Charentes",
    "Rhône-Alpes": "COORACE Rhône-Alpes",
}
#: 2013 regions with no regional body: their members attach to the national federation.
NO_BODY = {"Bourgogne", "Champagne-Ardenne", "Languedoc-Roussillon", "Picardie",
           "Guadeloupe", "Martinique", "Guyane"}

#: The official file writes four chefs-lieux without their leading article (the article of a
#: commune's name is a separate field of INSEE's code officiel géographique that the file
#: dropped): restored by the chef-lieu's INSEE code, as the towns write their names.
CHEF_LIEU_WITH_ARTICLE = {"17300": "La Rochelle", "43157": "Le Puy-en-Velay", "72181": "Le Mans",
                          "85191": "La Roche-sur-Yon"}

DEPT_HEADER = ["code", "name", "region_2013", "regional_body", "chef_lieu", "latitude", "longitude"]
MEMBER_HEADER = ["id", "name", "type", "departement", "region", "group", "joined", "source"]


def federation_region(region_2013: str, regional_body: str) -> str:
    """The federation region: the body's name without "COORACE ", else the 2013 region."""
    return regional_body[len("COORACE "):] if regional_body else region_2013


def find_source(explicit: str | None) -> pathlib.Path | None:
    candidates = [explicit, os.environ.get("CEDRE_DEPARTEMENTS_SOURCE"),
                  str(FIXTURES.parent.parent / "shared" / "data" / "departements.csv"),
                  "/work/shared/data/departements.csv"]
    for candidate in candidates:
        if candidate and pathlib.Path(candidate).is_file():
            return pathlib.Path(candidate)
    if explicit:
        sys.exit(f"--source {explicit}: no such file")
    return None


def build_departements(source: pathlib.Path | None) -> list[dict]:
    path = source or FIXTURES / "departements.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows, f"{path} is empty: give the official file with --source"
    out = []
    for row in rows:
        region = row["region_2013"]
        if region in NO_BODY:
            body = ""
        else:
            assert region in REGIONAL_BODY, f"unknown 2013 region {region!r}"
            body = REGIONAL_BODY[region]
        if "regional_body" in row:  # reading our own output back: it must agree
            assert row["regional_body"] == body, row
        chef_lieu = row["chef_lieu"]
        if row.get("chef_lieu_insee") in CHEF_LIEU_WITH_ARTICLE:
            chef_lieu = CHEF_LIEU_WITH_ARTICLE[row["chef_lieu_insee"]]
            assert chef_lieu.split(" ", 1)[1] == row["chef_lieu"], (chef_lieu, row)
        out.append({"code": row["code"], "name": row["name"], "region_2013": region,
                    "regional_body": body, "chef_lieu": chef_lieu,
                    "latitude": row["latitude"], "longitude": row["longitude"]})
    return out


# --------------------------------------------------------------------------------------
# Named members (from the seed)
# --------------------------------------------------------------------------------------
# Status in the fixture: "renewed", "new" (CEDRE, decided in 2013), "iso" (CEDRE ISO site),
# "iso-central" (COORACE national, central function), "engaged", "none".
# The colours that told new / renewed / ISO apart were lost in the text extraction; the
# partition below is a reconstruction (see network-2013/README.md).

L = "seed: p.6 list, "
NAMED = [
    # id, name, type, département, group, source, status
    # --- p.6 list: Basse-Normandie
    ("aider-50", "AIDER", "AI", "50", "", L + "Basse-Normandie", "renewed"),
    ("aire-cote-de-nacre", "AIRE Côte de Nacre", "GES", "14", "", L + "Basse-Normandie", "renewed"),
    ("aire", "AIRE", "AI", "14", "aire-cote-de-nacre", L + "Basse-Normandie", "renewed"),
    ("aire-environnement", "AIRE ENVIRONNEMENT", "ACI", "14", "aire-cote-de-nacre", L + "Basse-Normandie", "renewed"),
    ("bac-du-pre-bocage-ai", "Bac du pré bocage", "AI", "14", "", L + "Basse-Normandie", "renewed"),
    ("bac-du-pre-bocage-aci", "Bac du pré bocage", "ACI", "14", "", L + "Basse-Normandie", "renewed"),
    ("bac-du-pre-bocage-etti", "Bac du pré bocage", "ETTI", "14", "", L + "Basse-Normandie", "renewed"),
    ("ose", "OSE", "AI", "50", "", L + "Basse-Normandie; p.12-13", "renewed"),
    ("ose-environnement", "OSE Environnement", "ACI", "50", "", L + "Basse-Normandie", "renewed"),
    ("passerelles", "Passerelles", "AI", "50", "", L + "Basse-Normandie", "new"),
    # --- Bretagne
    ("start-air", "Start'Air", "AI", "35", "", L + "Bretagne; p.12-13", "renewed"),
    # --- Centre-Limousin
    ("aider-45", "Aider", "AI", "45", "", L + "Centre-Limousin; p.17", "iso"),
    ("coorace-centre-limousin", "COORACE Centre-Limousin", "regional", "18", "", L + "Centre-Limousin; p.9 regional bodies; p.17", "iso"),
    ("eclair-au-service-du-quotidien", "Éclair au service du quotidien", "AI", "41", "", L + "Centre-Limousin", "iso"),
    ("solidarite-emploi-gatinais", "Solidarité Emploi Gâtinais", "AI", "45", "", L + "Centre-Limousin", "iso"),
    # --- Franche-Comté
    ("intermed", "Intermed'", "GES", "25", "", L + "Franche-Comté", "renewed"),
    ("intermed-ai", "Intermed'", "AI", "25", "intermed", L + "Franche-Comté", "renewed"),
    ("intermed-limpio", "Intermed' Limpio", "EI", "25", "intermed", L + "Franche-Comté", "renewed"),
    ("noveo", "Noveo - Des services, des emplois", "AI", "70", "", L + "Franche-Comté", "new"),
    # --- Haute-Normandie
    ("ads-emploi", "Les ateliers de la solidarité - ADS Emploi", "AI", "27", "", L + "Haute-Normandie", "renewed"),
    ("agire-76", "AGIRE 76", "AI", "76", "", L + "Haute-Normandie", "new"),
    # --- Ile-de-France
    ("actyv", "ACTYV", "AI", "78", "", L + "Ile-de-France", "new"),
    ("abeilles-aide-et-entraide", "Abeilles aide et entraide", "AI", "91", "", L + "Ile-de-France", "new"),
    ("chantiers-yvelines", "Chantiers Yvelines", "AI", "78", "", L + "Ile-de-France; p.7 board", "renewed"),
    ("coorace-national", "COORACE national", "national", "75", "", L + "Ile-de-France; p.17", "iso-central"),
    ("coup-d-main", "Coup d'Main", "AI", "75", "", L + "Ile-de-France; p.7 board", "iso"),
    ("la-rose-des-vents-partage-77", "La rose des vents - Partage 77", "AI+ACI", "77", "", L + "Ile-de-France", "renewed"),
    ("tremplin-95", "Tremplin 95", "AI", "95", "", L + "Ile-de-France; p.21", "renewed"),
    # --- Lorraine
    ("ecoval", "Ecoval", "AI", "54", "", L + "Lorraine", "new"),
    ("tremplin-57", "Tremplin 57", "AI", "57", "", L + "Lorraine", "new"),
    # --- Midi-Pyrénées
    ("agriservices", "Agriservices", "AI", "81", "", L + "Midi-Pyrénées", "iso"),
    ("ailes", "Ailes", "AI", "31", "", L + "Midi-Pyrénées", "iso"),
    ("amie", "AMIE", "AI", "31", "", L + "Midi-Pyrénées", "iso"),
    ("coorace-midi-pyrenees", "COORACE Midi-Pyrénées", "regional", "31", "", L + "Midi-Pyrénées; p.9 regional bodies; p.17", "iso"),
    ("defi-emploi", "Défi Emploi", "AI", "65", "", L + "Midi-Pyrénées; p.19", "iso"),
    ("emploi-services", "Emploi Services", "AI", "46", "", L + "Midi-Pyrénées", "iso"),
    ("energie-m4", "Energie M4", "AI", "32", "", L + "Midi-Pyrénées", "iso"),
    ("entraide-partage-et-travail", "Entraide partage et travail", "AI", "31", "", L + "Midi-Pyrénées", "iso"),
    ("le-tremplin-31", "Le tremplin", "AI", "31", "", L + "Midi-Pyrénées", "iso"),
    # --- Nord-Pas-de-Calais
    ("sewep", "SEWEP", "AI", "59", "", L + "Nord-Pas-de-Calais", "new"),
    # --- P.A.C.A.
    ("partage-et-travail-sainte-victoire", "Partage et travail Sainte Victoire", "AI", "13", "", L + "P.A.C.A.", "new"),
    # --- Pays de la Loire
    ("actif-emploi", "ACTIF Emploi", "AI", "85", "", L + "Pays de la Loire", "renewed"),
    ("association-tremplin-intermediaire-cantonale", "Association tremplin-intermédiaire cantonale", "AI", "85", "", L + "Pays de la Loire", "renewed"),
    ("coup-de-pouce-85", "Coup de pouce", "AI", "85", "", L + "Pays de la Loire", "new"),
    ("reel", "REEL", "GES", "85", "", L + "Pays de la Loire", "new"),
    ("reel-ai", "REEL", "AI", "85", "reel", L + "Pays de la Loire", "new"),
    ("reel-aci", "REEL", "ACI", "85", "reel", L + "Pays de la Loire", "new"),
    ("reel-ei", "REEL", "EI", "85", "reel", L + "Pays de la Loire", "new"),
    ("solipass-chateauneuf", "SOLIPASS Châteauneuf", "AI", "49", "solipass", L + "Pays de la Loire; p.21", "iso"),
    ("solipass-tierce", "SOLIPASS Tierce", "AI", "49", "solipass", L + "Pays de la Loire; p.21", "iso"),
    ("solipass-aci", "SOLIPASS", "ACI", "49", "solipass", L + "Pays de la Loire; p.21", "iso"),
    ("tremplin-travail", "Tremplin Travail", "AI", "49", "", L + "Pays de la Loire", "iso"),
    # --- Poitou-Charentes
    ("ipso2", "IPSO²", "AI", "79", "", L + "Poitou-Charentes; p.12-13", "renewed"),
    ("poe", "POE", "AI", "79", "", L + "Poitou-Charentes; p.12-13", "renewed"),
    ("vivractif", "VIVRACTIF", "GES", "17", "", L + "Poitou-Charentes", "new"),
    ("vivractif-aci", "VIVRACTIF", "ACI", "17", "vivractif", L + "Poitou-Charentes", "new"),
    ("vivractif-ei", "VIVRACTIF", "EI", "17", "vivractif", L + "Poitou-Charentes", "new"),
    # --- Rhône-Alpes
    ("voironnais-adequation", "Les associations d'économie solidaire du pays Voiironnais - Adéquation", "AI", "38", "", L + "Rhône-Alpes", "renewed"),
    ("voironnais-bleu-ciel", "Les associations d'économie solidaire du pays Voiironnais - Bleu Ciel", "EI", "38", "", L + "Rhône-Alpes", "renewed"),
    ("voironnais-les-emplois-verts", "Les associations d'économie solidaire du pays Voiironnais - Les emplois verts", "ACI", "38", "", L + "Rhône-Alpes", "renewed"),
    ("unis-vers-l-emploi", "Unis vers l'emploi", "GES", "69", "", L + "Rhône-Alpes; p.7 board; p.12-13", "renewed"),
    ("ariel-services", "Ariel Services", "AI", "69", "unis-vers-l-emploi", L + "Rhône-Alpes", "renewed"),
    ("buer-services", "Buer Services", "EI", "69", "unis-vers-l-emploi", L + "Rhône-Alpes", "renewed"),
    ("est-emploi-services", "Est Emploi Services", "ETTI", "69", "unis-vers-l-emploi", L + "Rhône-Alpes", "renewed"),
    ("solidarite-services", "Solidarité Services", "AI", "69", "unis-vers-l-emploi", L + "Rhône-Alpes", "renewed"),
    # --- the other 16 regional bodies (p.9); dept = the one of the regional capital
    ("coorace-alsace", "COORACE Alsace", "regional", "67", "", "seed: p.9 regional bodies", "none"),
    ("coorace-aquitaine", "COORACE Aquitaine", "regional", "33", "", "seed: p.9 regional bodies; p.7 board", "none"),
    ("coorace-auvergne", "COORACE Auvergne", "regional", "63", "", "seed: p.9 regional bodies; p.7 board", "none"),
    ("coorace-basse-normandie", "COORACE Basse-Normandie", "regional", "14", "", "seed: p.9 regional bodies; p.7 board", "none"),
    ("coorace-bretagne", "COORACE Bretagne", "regional", "35", "", "seed: p.9 regional bodies; p.7 board", "none"),
    ("coorace-corse", "COORACE Corse", "regional", "2A", "", "seed: p.9 regional bodies; p.7 board", "none"),
    ("coorace-franche-comte", "COORACE Franche-Comté", "regional", "25", "", "seed: p.9 regional bodies; p.7 board", "none"),
    ("coorace-haute-normandie", "COORACE Haute-Normandie", "regional", "76", "", "seed: p.9 regional bodies; p.7 board", "none"),
    ("coorace-ile-de-france", "COORACE Ile-de-France", "regional", "75", "", "seed: p.9 regional bodies; p.7 board", "none"),
    ("coorace-la-reunion-mayotte", "COORACE La Réunion - Mayotte", "regional", "974", "", "seed: p.9 regional bodies; p.7 board", "none"),
    ("coorace-lorraine", "COORACE Lorraine", "regional", "57", "", "seed: p.9 regional bodies", "none"),
    ("coorace-nord-pas-de-calais", "COORACE Nord-Pas-de-Calais", "regional", "59", "", "seed: p.9 regional bodies; p.7 board", "none"),
    ("coorace-paca", "COORACE P.A.C.A.", "regional", "13", "", "seed: p.9 regional bodies; p.7 board", "none"),
    ("coorace-pays-de-la-loire", "COORACE Pays de la Loire", "regional", "44", "", "seed: p.9 regional bodies; p.7 board", "none"),
    ("coorace-poitou-charentes", "COORACE Poitou-Charentes", "regional", "86", "", "seed: p.9 regional bodies; p.7 board", "none"),
    ("coorace-rhone-alpes", "COORACE Rhône-Alpes", "regional", "69", "", "seed: p.9 regional bodies; p.7 board", "none"),
    # --- board members' companies not in the list (p.7)
    ("archer", "Archer", "GES", "26", "", "seed: p.7 board; overview and p.26 (Groupe Archer, Pôle Sud)", "engaged"),
    ("air-travail-temporaire-84", "Air Travail Temporaire 84", "ETTI", "84", "", "seed: p.7 board", "engaged"),
    ("la-passerelle-31", "La Passerelle", "AI", "31", "", "seed: p.7 board", "engaged"),
    ("ebea", "E. B. E. A.", "AI", "18", "", "seed: p.7 board", "engaged"),
    ("proxim-services-rhuys-muzillac", "Proxim'Services Rhuys Muzillac", "AI", "56", "", "seed: p.7 board", "engaged"),
    ("proxim-services-bretagne-sud", "Proxim'Services Bretagne Sud", "AI", "35", "", "seed: p.7 board", "engaged"),
    ("tifaki-hazi", "Tifaki Hazi", "AI", "976", "", "seed: p.7 board", "engaged"),
    # --- GES parents not in the list
    ("solipass", "Groupe SOLIPASS", "GES", "49", "", "seed: p.21", "none"),
    ("groupe-ulisse", "Groupe ULISSE", "GES", "38", "", "seed: p.20", "engaged"),
    # Groupe ULISSE's companies: the report counts them (three ACI, one AI, one ETTI, one
    # EI carrying SOLENI) without naming them; the names below are descriptive.
    ("ulisse-ai", "ULISSE - AI", "AI", "38", "groupe-ulisse", "seed: p.20 (unnamed in the report)", "engaged"),
    ("ulisse-etti", "ULISSE - ETTI", "ETTI", "38", "groupe-ulisse", "seed: p.20 (unnamed in the report)", "engaged"),
    ("ulisse-ei-soleni", "ULISSE - EI SOLENI", "EI", "38", "groupe-ulisse", "seed: p.20 (unnamed in the report)", "engaged"),
    ("ulisse-aci-1", "ULISSE - ACI 1", "ACI", "38", "groupe-ulisse", "seed: p.20 (unnamed in the report)", "engaged"),
    ("ulisse-aci-2", "ULISSE - ACI 2", "ACI", "38", "groupe-ulisse", "seed: p.20 (unnamed in the report)", "engaged"),
    ("ulisse-aci-3", "ULISSE - ACI 3", "ACI", "38", "groupe-ulisse", "seed: p.20 (unnamed in the report)", "engaged"),
    # --- other companies named in the text
    ("la-courte-echelle", "La Courte Échelle", "ACI", "13", "", "seed: p.20", "engaged"),
    ("interm-aide-emploi", "Interm'Aide Emploi", "AI+ACI", "76", "", "seed: p.21", "engaged"),
    ("plaine-de-vie", "Plaine de Vie", "ACI", "95", "", "seed: p.21", "engaged"),
    ("bouriane-solidarite", "Bouriane Solidarité", "AI", "46", "", "seed: p.19", "engaged"),
    ("initiatives-emplois", "Initiatives Emplois", "AI", "49", "", "seed: p.12-13", "engaged"),
    ("agence-paloise-de-services", "Agence Paloise de Services", "AI", "64", "", "seed: p.12-13", "engaged"),
    ("erdre-et-loire-initiatives", "Erdre et Loire Initiatives", "AI", "44", "", "seed: p.12-13", "engaged"),
    ("bac-bressuire", "BAC Bressuire", "AI", "79", "", "seed: p.12-13", "engaged"),
    ("soc-emplois-et-services", "Soc Emplois & Services", "AI", "44", "", "seed: p.15", "engaged"),
    ("jura-service", "Jura Service", "AI", "39", "", "seed: p.26", "engaged"),
]

TOTAL_MEMBERS = 511
#: The whole network's type mix (named + fillers): about AI 56 %, ACI 18 %, EI 9 %,
#: ETTI 6 %, GES 6 %, AI+ACI 1 %, federation bodies 4 %.
TARGET_TYPES = {"AI": 288, "ACI": 92, "EI": 46, "ETTI": 31, "GES": 31, "AI+ACI": 4,
                "national": 1, "regional": 18}

#: Relative weight of each federation region for the synthetic fillers (after one each).
REGION_WEIGHTS = {
    "Rhône-Alpes": 12, "Pays de la Loire": 10, "Ile-de-France": 9, "Bretagne": 7,
    "Midi-Pyrénées": 6, "Poitou-Charentes": 6, "Centre-Limousin": 6, "Basse-Normandie": 5,
    "Haute-Normandie": 5, "Nord-Pas-de-Calais": 5, "P.A.C.A.": 5, "Aquitaine": 5,
    "Franche-Comté": 4, "Lorraine": 4, "Alsace": 3, "Auvergne": 3, "Corse": 1.5,
    "La Réunion - Mayotte": 2,
    "Bourgogne": 1.5, "Languedoc-Roussillon": 1.5, "Champagne-Ardenne": 1, "Picardie": 1,
    "Guadeloupe": 0.5, "Martinique": 0.5, "Guyane": 0.5,
}

SYNTHETIC_CERTIFIED = 50
ENGAGED_TOTAL = 250

# --------------------------------------------------------------------------------------
# Findings vocabulary
# --------------------------------------------------------------------------------------

# (requirement, finding statement, the plan the member proposes)
CEDRE_MINOR = [
    ("4.1", "Les processus de l'accompagnement socioprofessionnel ne sont pas tous décrits.",
     "Description des processus d'accueil, d'accompagnement et de sortie dans le manuel qualité."),
    ("4.2", "Plusieurs procédures en usage ne sont pas à jour dans le classeur qualité.",
     "Mise à jour des procédures et diffusion de la version en vigueur à l'équipe."),
    ("5.3", "La politique qualité n'est pas connue de l'ensemble des salarié-e-s permanent-e-s.",
     "Présentation de la politique qualité en réunion d'équipe et affichage dans les locaux."),
    ("5.6", "La revue de direction annuelle n'a pas été formalisée.",
     "Revue de direction programmée chaque année, avec un compte rendu écrit."),
    ("6.2", "Le plan de formation des permanent-e-s n'est pas suivi.",
     "Tableau de suivi du plan de formation revu chaque trimestre par la direction."),
    ("7.1", "Les engagements réciproques ne sont pas signés pour tous les salarié-e-s en parcours.",
     "Relance des signatures manquantes et contrôle mensuel par la direction."),
    ("7.2", "Les besoins des client-e-s ne sont pas recueillis avant chaque mise à disposition.",
     "Fiche de recueil des besoins rendue obligatoire avant toute mise à disposition."),
    ("7.4", "Le suivi des missions auprès des client-e-s n'est pas tracé.",
     "Appel de suivi du-de la client-e en cours de mission, tracé dans le logiciel."),
    ("7.5", "Des entretiens de suivi manquent dans les dossiers des salarié-e-s en parcours.",
     "Contrôle trimestriel des dossiers par échantillonnage et rappel à l'équipe."),
    ("8.2", "La satisfaction des client-e-s n'a pas été mesurée depuis deux ans.",
     "Enquête de satisfaction annuelle, analysée en comité de pilotage."),
    ("8.4", "Les résultats de sortie vers l'emploi ne sont pas analysés en équipe.",
     "Analyse semestrielle des sorties en réunion d'équipe."),
    ("8.5", "L'efficacité des actions correctives n'est pas vérifiée.",
     "Vérification d'efficacité ajoutée à la fiche d'action corrective."),
]
CEDRE_MAJOR = [
    ("7.1", "Aucun engagement réciproque n'est formalisé avec les salarié-e-s en parcours.",
     "Engagements réciproques signés avec chaque salarié-e en parcours sous un mois, puis contrôle de chaque dossier."),
    ("8.3", "Les réclamations des client-e-s ne sont ni enregistrées ni traitées.",
     "Registre des réclamations créé et un-e responsable de leur traitement désigné-e."),
    ("7.5", "Les dossiers des salarié-e-s en parcours ne permettent pas de suivre leur parcours.",
     "Refonte du dossier individuel et reprise de tous les dossiers en cours."),
]
CEDRE_OBSERVATION = [
    ("8.4", "Le tableau de bord qualité gagnerait à intégrer les heures de formation.",
     "Ajout des heures de formation au tableau de bord qualité."),
    ("5.5", "Les comptes rendus des réunions d'équipe ne mentionnent pas les décisions prises.",
     "Modèle de compte rendu avec relevé de décisions."),
    ("5.3", "L'affichage des engagements CEDRE à l'accueil n'est pas à jour.",
     "Mise à jour de l'affichage à l'accueil."),
    ("6.3", "Le local d'accueil ne permet pas toujours des entretiens confidentiels.",
     "Aménagement d'un bureau fermé pour les entretiens."),
]
CEDRE_OPPORTUNITY = [
    ("7.5", "Mutualiser l'outil de suivi des parcours avec les autres entreprises du territoire.",
     "Étude d'un outil de suivi commun avec les entreprises voisines."),
    ("8.2", "Associer les salarié-e-s en parcours à l'enquête de satisfaction.",
     "Questionnaire adapté aux salarié-e-s en parcours ajouté à l'enquête."),
    ("7.2", "Formaliser un partenariat avec les employeurs du territoire pour les sorties en emploi.",
     "Rencontre des employeurs du territoire et projet de convention de partenariat."),
]
ISO_MINOR = [
    ("4.2.3", "La maîtrise des documents du groupe n'est pas appliquée partout.",
     "Application de la procédure de groupe de maîtrise des documents et formation des référent-e-s."),
    ("6.2.2", "L'efficacité des formations suivies n'est pas évaluée.",
     "Évaluation des formations enregistrée dans le dossier de chaque salarié-e."),
    ("8.2.2", "Le programme d'audits croisés n'est pas à jour.",
     "Programme d'audits croisés mis à jour et validé par le comité qualité du groupe."),
    ("7.2.3", "Le traitement des réclamations n'est pas tracé.",
     "Utilisation du registre des réclamations du groupe."),
]
ISO_OBSERVATION = [
    ("8.4", "Les indicateurs du site ne sont pas encore consolidés au niveau du groupe.",
     "Remontée trimestrielle des indicateurs au COORACE national."),
    ("4.2.4", "L'archivage des enregistrements diffère d'un site à l'autre.",
     "Alignement sur la règle d'archivage du groupe."),
]
ISO_OPPORTUNITY = [
    ("5.6", "La revue de direction de groupe pourrait intégrer les résultats des audits croisés.",
     "Résultats des audits croisés ajoutés à l'ordre du jour de la revue de direction de groupe."),
]
PLANS_AGAIN = [
    "Plan revu après vérification : contrôle hebdomadaire jusqu'à stabilisation.",
    "Plan revu : accompagnement de l'équipe par le COORACE régional.",
]
EXTERNAL_AUDITORS = [f"Auditeur synthétique {i:02d}" for i in range(1, 9)]
CROSS_AUDITORS = [f"Auditeur croisé synthétique {i:02d}" for i in range(1, 13)]


# --------------------------------------------------------------------------------------
# Days
# --------------------------------------------------------------------------------------

def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def add_days(d: dt.date, n: int) -> dt.date:
    return d + dt.timedelta(days=n)


def add_years(d: dt.date, n: int) -> dt.date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    assert first <= last, (first, last)
    return add_days(first, rng.randint(0, (last - first).days))


# --------------------------------------------------------------------------------------
# Facts
# --------------------------------------------------------------------------------------

class Audit:
    def __init__(self, member, scheme, kind, planned_on, scheduled, auditors):
        self.member, self.scheme, self.kind = member, scheme, kind
        self.planned_on, self.scheduled, self.auditors = planned_on, scheduled, auditors
        self.id = None


class Finding:
    def __init__(self, audit, grade, raised):
        self.audit, self.grade, self.raised = audit, grade, raised
        self.id = None


class Facts:
    """The event list, in generation order (each member's facts in logical order)."""

    def __init__(self, rng):
        self.rng = rng
        self.events = []          # dicts whose payload may hold Audit / Finding objects
        self.audits = []
        self.findings = []
        self.ineffective_left = 2  # how many minors go through an ineffective verification

    def emit(self, on, kind, member, scheme, **fields):
        assert on <= AS_OF, (kind, member, on)
        payload = {"member": member, "scheme": scheme, **fields}
        self.events.append({"kind": kind, "on": on, "payload": payload})

    # -- audits --------------------------------------------------------------------------
    def audit(self, member, scheme, kind, planned_on, conducted, auditors=None):
        """Plans and conducts an audit; returns it (findings and report come after)."""
        assert planned_on < conducted <= AS_OF, (member, kind, planned_on, conducted)
        a = Audit(member, scheme, kind, planned_on, conducted, auditors)
        self.audits.append(a)
        fields = {"audit": a, "auditKind": kind, "scheduledOn": conducted.isoformat()}
        if auditors:
            fields["auditors"] = list(auditors)
        self.emit(planned_on, "audit.planned", member, scheme, **fields)
        self.emit(conducted, "audit.conducted", member, scheme, audit=a)
        return a

    def plan(self, member, scheme, kind, planned_on, scheduled, auditors=None):
        """Plans an audit that is not (yet) held; returns it."""
        assert planned_on <= AS_OF < scheduled, (member, kind, planned_on, scheduled)
        a = Audit(member, scheme, kind, planned_on, scheduled, auditors)
        self.audits.append(a)
        fields = {"audit": a, "auditKind": kind, "scheduledOn": scheduled.isoformat()}
        if auditors:
            fields["auditors"] = list(auditors)
        self.emit(planned_on, "audit.planned", member, scheme, **fields)
        return a

    def report_and_close(self, a, reported, accepted_days):
        """Reports the audit; closes it once every finding has its plan accepted."""
        if reported > AS_OF:
            return
        self.emit(reported, "audit.reported", a.member, a.scheme, audit=a)
        if any(d is None for d in accepted_days):
            return
        closed = add_days(max([reported, *accepted_days]), self.rng.randint(1, 12))
        if closed <= AS_OF:
            self.emit(closed, "audit.closed", a.member, a.scheme, audit=a)

    # -- findings ------------------------------------------------------------------------
    def finding(self, a, grade, requirement, statement, plan, next_audit=None, leave_open=False):
        """Raises a finding at audit `a` and follows it as far as its timeline allows.

        Returns the day its plan was accepted (None if not by AS_OF) and the day it was
        verified effective (None if not by AS_OF).
        """
        rng = self.rng
        raised = a.scheduled
        f = Finding(a, grade, raised)
        self.findings.append(f)
        member, scheme = a.member, a.scheme
        self.emit(raised, "finding.raised", member, scheme, finding=f, audit=a, grade=grade,
                  requirement=requirement, statement=statement)
        steps = []  # (day, kind, extra)
        ineffective = False
        if grade == "major":
            p = add_days(raised, rng.randint(3, 7))
            acc = add_days(p, rng.randint(2, 7))
            imp = add_days(acc, rng.randint(10, 30))
            ver = add_days(imp, rng.randint(5, 15))
            steps = [(p, "planProposed"), (acc, "planAccepted"), (imp, "implemented"), (ver, "verified")]
        elif grade == "minor":
            p = add_days(raised, rng.randint(5, 15))
            acc = add_days(p, rng.randint(3, 10))
            imp = add_days(acc, rng.randint(15, 60))
            ver = add_days(imp, rng.randint(10, 40))
            steps = [(p, "planProposed"), (acc, "planAccepted"), (imp, "implemented"), (ver, "verified")]
            if (next_audit is not None and self.ineffective_left > 0
                    and (next_audit - raised).days > 240 and rng.random() < 0.25):
                ineffective = True
                self.ineffective_left -= 1
                p2 = add_days(ver, rng.randint(3, 8))
                acc2 = add_days(p2, rng.randint(3, 7))
                imp2 = add_days(acc2, rng.randint(10, 25))
                ver2 = add_days(imp2, rng.randint(7, 20))
                steps += [(p2, "planProposed"), (acc2, "planAccepted"), (imp2, "implemented"), (ver2, "verified")]
            if leave_open:
                steps = steps[:rng.choice([2, 3])]
        else:  # observation, opportunity: an improvement plan, sometimes carried out
            p = add_days(raised, rng.randint(7, 20))
            acc = add_days(p, rng.randint(3, 10))
            steps = [(p, "planProposed"), (acc, "planAccepted")]
            if rng.random() < 0.5:
                imp = add_days(acc, rng.randint(20, 90))
                ver = add_days(imp, rng.randint(10, 40))
                if next_audit is None or ver < next_audit:
                    steps += [(imp, "implemented"), (ver, "verified")]
        if grade not in ("major", "minor"):
            # Observations and opportunities need no action: cedre records them as noted.
            # The draws above are kept so the rest of the network stays as generated.
            steps = []
        if next_audit is not None and grade in ("major", "minor"):
            assert steps[-1][1] == "verified" and steps[-1][0] < next_audit, (member, steps, next_audit)
        accepted = verified = None
        verifications = 0
        for d, kind in steps:
            if d > AS_OF:
                break
            if kind == "planProposed":
                text = plan if verifications == 0 else rng.choice(PLANS_AGAIN)
                self.emit(d, "finding.planProposed", member, scheme, finding=f, statement=text)
            elif kind == "planAccepted":
                self.emit(d, "finding.planAccepted", member, scheme, finding=f)
                accepted = accepted or d
            elif kind == "implemented":
                self.emit(d, "finding.implemented", member, scheme, finding=f)
            else:
                verifications += 1
                effective = not (ineffective and verifications == 1)
                self.emit(d, "finding.verified", member, scheme, finding=f, effective=effective)
                if effective:
                    verified = d
        return accepted, verified


def pick(rng, pool):
    return rng.choice(pool)


def cycle_findings_plan(rng, max_gap, facts_major_budget):
    """Grades raised at an initial / recertification audit, and the audit → decision gap."""
    grades = []
    if max_gap >= 85 and facts_major_budget[0] > 0 and rng.random() < 0.2:
        grades.append("major")
        facts_major_budget[0] -= 1
    if max_gap >= 40 and rng.random() < 1 / 3:
        grades += ["minor"] * rng.choice([1, 1, 2])
    if rng.random() < 0.35:
        grades.append("observation")
    if rng.random() < 0.2:
        grades.append("opportunity")
    if "major" in grades:
        gap = rng.randint(75, min(85, max_gap))
    elif "minor" in grades:
        gap = rng.randint(35, min(60, max_gap))
    else:
        gap = rng.randint(20, min(45, max_gap))
    return grades, gap


def cedre_pool(grade):
    return {"major": CEDRE_MAJOR, "minor": CEDRE_MINOR, "observation": CEDRE_OBSERVATION,
            "opportunity": CEDRE_OPPORTUNITY}[grade]


def cedre_certification(facts, rng, member, engaged, decisions, cycle_plans, major_budget):
    """Writes one member's CEDRE history.

    decisions: list of target decision days (first = initial, then renewals).
    Every cycle: audit (initial / recertification) → report → decision; then the surveillance
    audits the rules require up to AS_OF (first within 12 months, then one in each later
    calendar year of the cycle except the expiry year).
    """
    scheme = "cedre"
    facts.emit(engaged, "certification.engaged", member, scheme)
    last_milestone = engaged
    # Lay out every audit day first, so each finding knows the next audit.
    layout = []  # (kind, conducted, planned_on, grades, decision or None)
    for index, decision in enumerate(decisions):
        kind = "initial" if index == 0 else "recertification"
        if kind == "initial":
            floor = max(add_days(last_milestone, 60), cycle_plans.get("initial_floor", last_milestone))
        else:
            floor = cycle_plans["recert_floor"]
        max_gap = (decision - floor).days
        grades, gap = cycle_findings_plan(rng, max_gap, major_budget)
        conducted = add_days(decision, -gap)
        if kind == "initial":
            planned = max(add_days(conducted, -rng.randint(30, 75)), add_days(engaged, 20))
        else:
            expiry = add_years(decisions[index - 1], 3)
            planned = add_days(expiry, -rng.randint(130, 175))
        layout.append((kind, conducted, planned, grades, decision))
        # surveillance audits of this cycle
        expiry = add_years(decision, 3)
        next_decision = decisions[index + 1] if index + 1 < len(decisions) else None
        for k in (1, 2):
            year = decision.year + k
            if year >= expiry.year:
                break
            anniversary = add_years(decision, k)
            if add_days(anniversary, -5) > AS_OF:
                break
            room = (anniversary - dt.date(year, 1, 1)).days  # stay in that calendar year
            conducted_s = add_days(anniversary, -rng.randint(min(5, room), min(45, room)))
            assert conducted_s.year == year, (member, decision, k, conducted_s)
            if conducted_s > AS_OF:
                break
            if next_decision is not None and conducted_s >= next_decision:
                break
            planned_s = add_days(conducted_s, -rng.randint(30, 75))
            grades_s = []
            if rng.random() < 0.22:
                grades_s.append("minor")
            if rng.random() < 0.25:
                grades_s.append("observation")
            if rng.random() < 0.12:
                grades_s.append("opportunity")
            layout.append(("surveillance", conducted_s, planned_s, grades_s, None))
        if next_decision is not None:
            # the recertification audit takes place in the expiry year, shortly before expiry
            cycle_plans["recert_floor"] = max(add_days(layout[-1][1], 60), add_days(expiry, -300),
                                              dt.date(expiry.year, 1, 7))
    # Now write them, in order.
    conducted_days = [entry[1] for entry in layout]
    assert conducted_days == sorted(conducted_days), (member, layout)
    previous_conducted = engaged
    previous_decision = None
    for i, (kind, conducted, planned, grades, decision) in enumerate(layout):
        planned = max(planned, add_days(previous_conducted, 1))
        if previous_decision is not None:
            planned = max(planned, add_days(previous_decision, 1))
        next_audit = conducted_days[i + 1] if i + 1 < len(layout) else None
        auditors = [pick(rng, EXTERNAL_AUDITORS)]
        a = facts.audit(member, scheme, kind, planned, conducted, auditors)
        accepted_days = []
        last_audit = next_audit is None
        for grade in grades:
            requirement, statement, plan = pick(rng, cedre_pool(grade))
            # minors of the year's last audits, from July on, may still be open at AS_OF
            leave_open = (grade == "minor" and last_audit and conducted >= dt.date(2013, 7, 1)
                          and rng.random() < (0.7 if kind == "surveillance" else 0.4))
            accepted, verified = facts.finding(a, grade, requirement, statement, plan,
                                               next_audit=next_audit, leave_open=leave_open)
            if decision is not None:
                if grade == "major":
                    assert verified is not None and verified < decision, (member, grade)
                if grade == "minor":
                    assert accepted is not None and accepted < decision, (member, grade)
            accepted_days.append(accepted)
        reported = add_days(conducted, rng.randint(3, 10))
        if decision is not None:
            assert reported < decision
        facts.report_and_close(a, reported, accepted_days)
        if decision is not None:
            facts.emit(decision, "certification.decided", member, scheme)
            previous_decision = decision
        previous_conducted = conducted


# --------------------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------------------

def generate(departements):
    rng = random.Random(SEED)
    dept_by_code = {d["code"]: d for d in departements}
    fed_of = {d["code"]: federation_region(d["region_2013"], d["regional_body"]) for d in departements}
    depts_of_region = collections.defaultdict(list)
    for d in departements:
        depts_of_region[fed_of[d["code"]]].append(d["code"])
    fed_regions = sorted(depts_of_region)
    assert set(fed_regions) == set(REGION_WEIGHTS), set(fed_regions) ^ set(REGION_WEIGHTS)

    # -- named members -------------------------------------------------------------------
    members = []
    status = {}
    for mid, name, mtype, dept, group, source, st in NAMED:
        assert dept in dept_by_code, (mid, dept)
        members.append({"id": mid, "name": name, "type": mtype, "departement": dept,
                        "region": fed_of[dept], "group": group, "joined": None, "source": source})
        status[mid] = st
    assert len({m["id"] for m in members}) == len(members)

    # -- synthetic fillers ---------------------------------------------------------------
    n_fill = TOTAL_MEMBERS - len(members)
    named_types = collections.Counter(m["type"] for m in members)
    fill_types = []
    for t, target in TARGET_TYPES.items():
        need = target - named_types.get(t, 0)
        assert need >= 0, (t, target, named_types)
        fill_types += [t] * need
    assert len(fill_types) == n_fill, (len(fill_types), n_fill)
    assert not {"national", "regional"} & set(fill_types)
    rng.shuffle(fill_types)
    regions = list(fed_regions)  # one filler in every federation region ...
    rest = n_fill - len(regions)
    weights = [REGION_WEIGHTS[r] for r in fed_regions]
    regions += rng.choices(fed_regions, weights=weights, k=rest)  # ... the others weighted
    rng.shuffle(regions)
    fillers = []
    for i in range(n_fill):
        region = regions[i]
        dept = rng.choice(sorted(depts_of_region[region]))
        number = i + 1
        fillers.append({"id": f"adherent-synthetique-{number:03d}",
                        "name": f"Adhérent synthétique {number:03d}", "type": fill_types[i],
                        "departement": dept, "region": region, "group": "", "joined": None,
                        "source": "synthetic"})
    # Some fillers belong to a synthetic GES filler, in the GES's département.
    ges_fillers = [m for m in fillers if m["type"] == "GES"]
    free = [m for m in fillers if m["type"] != "GES"]
    rng.shuffle(free)
    for ges in ges_fillers:
        for _ in range(rng.choice([1, 2, 2, 3])):
            child = free.pop()
            child["group"] = ges["id"]
            child["departement"] = ges["departement"]
            child["region"] = ges["region"]
    members += fillers
    by_id = {m["id"]: m for m in members}

    # -- statuses of the fillers ---------------------------------------------------------
    filler_ids = [m["id"] for m in fillers]
    rng.shuffle(filler_ids)
    named_engaged = sum(1 for s in status.values() if s == "engaged")
    n_fill_engaged = ENGAGED_TOTAL - named_engaged
    for fid in filler_ids[:SYNTHETIC_CERTIFIED]:
        status[fid] = "certified"
    for fid in filler_ids[SYNTHETIC_CERTIFIED:SYNTHETIC_CERTIFIED + n_fill_engaged]:
        status[fid] = "engaged"
    for fid in filler_ids[SYNTHETIC_CERTIFIED + n_fill_engaged:]:
        status[fid] = "none"

    facts = Facts(rng)
    first_fact = {}  # member → earliest fact day (for `joined`)

    # -- CEDRE ISO 9001 group (first, so the group decision precedes the sites joining) --
    iso_sites = [mid for mid, st in status.items() if st == "iso"]
    assert len(iso_sites) == 18, len(iso_sites)
    group_decision = day("2013-12-12")
    central = "coorace-national"
    iso_engaged = between(rng, day("2012-02-01"), day("2012-06-29"))
    facts.emit(iso_engaged, "certification.engaged", central, "cedre-iso")
    ext_conducted = between(rng, day("2013-11-12"), day("2013-11-15"))
    ext_planned = between(rng, day("2013-09-02"), day("2013-09-20"))
    a = facts.audit(central, "cedre-iso", "initial", ext_planned, ext_conducted,
                    sorted(rng.sample(EXTERNAL_AUDITORS, 2)))
    acc1, _ = facts.finding(a, "minor", *pick(rng, ISO_MINOR), leave_open=True)
    acc2, _ = facts.finding(a, "opportunity", *ISO_OPPORTUNITY[0])
    assert acc1 < group_decision
    facts.report_and_close(a, add_days(ext_conducted, rng.randint(5, 8)), [acc1, acc2])
    facts.emit(group_decision, "certification.decided", central, "cedre-iso")
    # Sites: applied in 2013, one cross-audit (before the external audit), joined on the day
    # of the group decision.
    for site in sorted(iso_sites):
        applied = between(rng, day("2013-01-14"), day("2013-06-28"))
        facts.emit(applied, "membership.applied", site, "cedre-iso")
        conducted = between(rng, day("2013-09-02"), day("2013-11-08"))
        planned = max(add_days(applied, 10), add_days(conducted, -rng.randint(30, 60)))
        ca = facts.audit(site, "cedre-iso", "cross-audit", planned, conducted,
                         [pick(rng, CROSS_AUDITORS)])
        accepted_days = []
        if rng.random() < 0.3:
            acc, _ = facts.finding(ca, "minor", *pick(rng, ISO_MINOR))
            assert acc < group_decision
            accepted_days.append(acc)
        if rng.random() < 0.3:
            acc, _ = facts.finding(ca, "observation", *pick(rng, ISO_OBSERVATION))
            accepted_days.append(acc)
        facts.report_and_close(ca, add_days(conducted, rng.randint(3, 8)), accepted_days)
    for site in sorted(iso_sites):
        facts.emit(group_decision, "membership.joined", site, "cedre-iso")

    # -- CEDRE: the 29 renewals ----------------------------------------------------------
    renewed = sorted(mid for mid, st in status.items() if st == "renewed")
    assert len(renewed) == 29
    renewed_majors = [3]  # a handful of majors, spread over the categories
    d0s = spread(rng, day("2010-03-01"), day("2010-12-15"), len(renewed))
    rng.shuffle(d0s)
    for mid, d0 in zip(renewed, d0s):
        engaged = add_days(d0, -rng.randint(300, 600))
        expiry = add_years(d0, 3)
        renewal = add_days(expiry, -rng.randint(3, 30))
        cedre_certification(facts, rng, mid, engaged, [d0, renewal], {}, renewed_majors)

    # -- CEDRE: the 17 newly certified in 2013 -------------------------------------------
    new_majors = [1]
    new = sorted(mid for mid, st in status.items() if st == "new")
    assert len(new) == 17
    decisions = spread(rng, day("2013-03-04"), day("2013-12-20"), len(new))
    rng.shuffle(decisions)
    for mid, decision in zip(new, decisions):
        engaged = between(rng, day("2011-01-10"), day("2012-10-31"))
        cedre_certification(facts, rng, mid, engaged, [decision],
                            {"initial_floor": day("2013-01-08")}, new_majors)

    # -- CEDRE: 50 synthetic members certified in 2011 or 2012 ---------------------------
    certified = sorted(mid for mid, st in status.items() if st == "certified")
    assert len(certified) == SYNTHETIC_CERTIFIED
    synthetic_majors = [2]
    half = len(certified) // 2
    decisions = (spread(rng, day("2011-02-15"), day("2011-12-14"), half)
                 + spread(rng, day("2012-02-15"), day("2012-12-14"), len(certified) - half))
    rng.shuffle(decisions)
    for mid, decision in zip(certified, decisions):
        engaged = max(day("2009-01-05"), add_days(decision, -rng.randint(240, 700)))
        cedre_certification(facts, rng, mid, engaged, [decision], {}, synthetic_majors)

    # -- CEDRE: the 250 engaged ----------------------------------------------------------
    for mid in sorted(mid for mid, st in status.items() if st == "engaged"):
        facts.emit(between(rng, day("2009-01-05"), day("2013-12-16")), "certification.engaged", mid, "cedre")

    # -- a special audit planned in December for January, never reported held: what rule 21
    # -- reports as audit-not-held from the day after (no draw, so nothing else moves) --------
    facts.plan(certified[0], "cedre", "special", day("2013-12-10"), day("2014-01-20"), ["Auditeur synthétique 02"])

    # -- joined days ---------------------------------------------------------------------
    for e in facts.events:
        mid = e["payload"]["member"]
        first_fact[mid] = min(first_fact.get(mid, e["on"]), e["on"])
    latest = {}
    for m in members:
        mid = m["id"]
        if mid in first_fact:
            latest[mid] = add_days(first_fact[mid], -rng.randint(30, 400))
        elif m["source"] == "synthetic":
            latest[mid] = day("2013-11-29")
        else:
            latest[mid] = day("2012-12-14")
        if m["type"] == "regional":
            latest[mid] = min(latest[mid], day("2008-12-15"))
    for m in members:  # a GES joins before any of its companies' facts
        if m["group"] and m["id"] in first_fact:
            latest[m["group"]] = min(latest[m["group"]], add_days(first_fact[m["id"]], -31))
    ordered = [m for m in members if m["type"] == "GES"] + [m for m in members if m["type"] != "GES"]
    for m in ordered:
        mid = m["id"]
        if mid == central:
            m["joined"] = day("1990-01-15")
            continue
        earliest = day("1994-01-03") if m["type"] == "regional" else day("1992-01-06")
        hi = latest[mid]
        if m["group"]:  # a company joins with or after its group
            earliest = max(earliest, by_id[m["group"]]["joined"])
            hi = max(hi, earliest)
        m["joined"] = between(rng, earliest, max(hi, earliest))
        if mid in first_fact:
            assert m["joined"] <= first_fact[mid], (mid, m["joined"], first_fact[mid])
    return members, status, facts


def spread(rng, first, last, n):
    """n days spread evenly over [first, last], each jittered a little."""
    span = (last - first).days
    step = span / n
    out = []
    for i in range(n):
        lo = first + dt.timedelta(days=int(i * step))
        hi = first + dt.timedelta(days=max(int((i + 1) * step) - 1, int(i * step)))
        out.append(between(rng, lo, hi))
    return out


# --------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------

def write_csv(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for row in rows:
        w.writerow([row[h] for h in header])
    path.write_text(buf.getvalue(), encoding="utf-8", newline="")


def resolve_ids(facts):
    by_year = collections.defaultdict(list)
    for a in facts.audits:
        by_year[a.scheduled.year].append(a)
    for year, audits in by_year.items():
        audits.sort(key=lambda a: (a.scheduled, a.planned_on, a.member, a.kind))
        for i, a in enumerate(audits, 1):
            a.id = f"A-{year}-{i:04d}"
    by_year = collections.defaultdict(list)
    for f in facts.findings:
        by_year[f.raised.year].append(f)
    for year, findings in by_year.items():
        findings.sort(key=lambda f: (f.raised, f.audit.id))
        for i, f in enumerate(findings, 1):
            f.id = f"F-{year}-{i:04d}"


def event_lines(facts):
    ordered = sorted(facts.events, key=lambda e: e["on"])  # stable
    lines = []
    for e in ordered:
        payload = {}
        for k, v in e["payload"].items():
            if isinstance(v, (Audit, Finding)):
                v = v.id
            payload[k] = v
        obj = {"kind": e["kind"], "on": e["on"].isoformat(), "payload": payload}
        lines.append(json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True))
    return lines


# --------------------------------------------------------------------------------------
# Checker: re-reads the written files and checks them
# --------------------------------------------------------------------------------------

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
AUDIT_RE = re.compile(r"^A-(\d{4})-(\d{4})$")
FINDING_RE = re.compile(r"^F-(\d{4})-(\d{4})$")
COMPANY_TYPES = {"AI", "ACI", "EI", "ETTI", "GES"}
KINDS = {
    "certification.engaged": set(),
    "certification.decided": set(),
    "audit.planned": {"audit", "auditKind", "scheduledOn"},
    "audit.conducted": {"audit"},
    "audit.reported": {"audit"},
    "audit.closed": {"audit"},
    "finding.raised": {"finding", "audit", "grade", "requirement", "statement"},
    "finding.planProposed": {"finding", "statement"},
    "finding.planAccepted": {"finding"},
    "finding.implemented": {"finding"},
    "finding.verified": {"finding", "effective"},
    "membership.applied": set(),
    "membership.joined": set(),
}
OPTIONAL = {"audit.planned": {"auditors"}}
AUDIT_KINDS = {"initial", "surveillance", "recertification", "special", "cross-audit"}
GRADES = {"major", "minor", "observation", "opportunity"}


def check(print_counts=True):
    # ---- départements
    with (FIXTURES / "departements.csv").open(encoding="utf-8", newline="") as f:
        raw = f.read()
    assert "\r" not in raw
    rows = list(csv.DictReader(io.StringIO(raw)))
    assert list(rows[0].keys()) == DEPT_HEADER
    assert len(rows) == 101, len(rows)
    fed = {}
    for r in rows:
        assert r["regional_body"] == ("" if r["region_2013"] in NO_BODY else REGIONAL_BODY[r["region_2013"]])
        fed[r["code"]] = federation_region(r["region_2013"], r["regional_body"])
    bodies = {r["regional_body"] for r in rows} - {""}
    assert len(bodies) == 18, bodies
    fed_regions = set(fed.values())
    assert len(fed_regions) == 25

    # ---- members
    with (NETWORK / "members.csv").open(encoding="utf-8", newline="") as f:
        raw = f.read()
    assert "\r" not in raw
    reader = csv.DictReader(io.StringIO(raw))
    assert reader.fieldnames == MEMBER_HEADER
    members = list(reader)
    assert len(members) == TOTAL_MEMBERS, len(members)
    ids = [m["id"] for m in members]
    assert len(set(ids)) == len(ids), "duplicate ids"
    by_id = {m["id"]: m for m in members}
    joined = {}
    for m in members:
        assert ID_RE.match(m["id"]), m["id"]
        t = m["type"]
        if t not in ("national", "regional"):
            parts = t.split("+")
            assert parts and set(parts) <= COMPANY_TYPES and len(set(parts)) == len(parts), t
        assert m["departement"] in fed, m
        assert m["region"] == fed[m["departement"]], m
        if m["group"]:
            assert by_id[m["group"]]["type"] == "GES", m
            assert m["type"] != "GES" and m["group"] != m["id"], m
        joined[m["id"]] = day(m["joined"])
        assert day("1990-01-01") <= joined[m["id"]] <= AS_OF, m
        synthetic = m["source"] == "synthetic"
        assert synthetic == m["name"].startswith("Adhérent synthétique"), m
        if not synthetic:
            assert m["source"].startswith("seed: "), m
    types = collections.Counter(m["type"] for m in members)
    assert types["national"] == 1 and by_id["coorace-national"]["type"] == "national"
    assert by_id["coorace-national"]["departement"] == "75"
    assert types["regional"] == 18
    assert {m["region"] for m in members if m["type"] == "regional"} == {b[len("COORACE "):] for b in bodies}
    assert {m["region"] for m in members if m["source"] == "synthetic"} == fed_regions
    listed = {m["id"] for m in members if m["source"].startswith("seed: p.6 list")}
    assert len(listed) == 65, len(listed)

    # ---- events
    lines = (NETWORK / "events.jsonl").read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "", "events.jsonl must end with a newline"
    lines = lines[:-1]
    events = []
    previous_on = None
    for n, line in enumerate(lines, 1):
        e = json.loads(line)
        assert json.dumps(e, ensure_ascii=False, separators=(",", ":"), sort_keys=True) == line, n
        assert set(e) == {"kind", "on", "payload"}, n
        kind, on, p = e["kind"], day(e["on"]), e["payload"]
        assert kind in KINDS, (n, kind)
        need = KINDS[kind] | {"member", "scheme"}
        assert need <= set(p) <= need | OPTIONAL.get(kind, set()), (n, kind, p)
        assert p["scheme"] in ("cedre", "cedre-iso"), n
        assert p["member"] in by_id, (n, p["member"])
        assert joined[p["member"]] <= on <= AS_OF, (n, p["member"], on)
        assert previous_on is None or previous_on <= on, f"line {n} out of order"
        previous_on = on
        events.append((n, kind, on, p))

    audits = {}    # id → dict
    findings = {}  # id → dict
    seq = collections.defaultdict(list)
    fseq = collections.defaultdict(list)
    for n, kind, on, p in events:
        if kind == "audit.planned":
            aid = p["audit"]
            m = AUDIT_RE.match(aid)
            assert m, aid
            assert aid not in audits, f"audit {aid} planned twice"
            scheduled = day(p["scheduledOn"])
            assert int(m.group(1)) == scheduled.year, aid
            assert on <= scheduled, aid
            assert p["auditKind"] in AUDIT_KINDS, aid
            if "auditors" in p:
                assert p["auditors"] and all(isinstance(x, str) and x for x in p["auditors"])
            seq[scheduled.year].append(int(m.group(2)))
            audits[aid] = {"member": p["member"], "scheme": p["scheme"], "kind": p["auditKind"],
                           "planned": on, "scheduled": scheduled, "conducted": None,
                           "reported": None, "closed": None, "findings": []}
        elif kind.startswith("audit."):
            a = audits[p["audit"]]
            assert (a["member"], a["scheme"]) == (p["member"], p["scheme"]), n
            if kind == "audit.conducted":
                assert a["conducted"] is None and on >= a["planned"], n
                a["conducted"] = on
            elif kind == "audit.reported":
                assert a["conducted"] is not None and a["reported"] is None and on >= a["conducted"], n
                a["reported"] = on
            else:
                assert a["reported"] is not None and a["closed"] is None and on >= a["reported"], n
                for fid in a["findings"]:
                    f = findings[fid]
                    assert f["accepted"] is not None and f["accepted"] <= on, (n, fid)
                a["closed"] = on
        elif kind == "finding.raised":
            fid = p["finding"]
            m = FINDING_RE.match(fid)
            assert m and int(m.group(1)) == on.year, fid
            assert fid not in findings, fid
            a = audits[p["audit"]]
            assert (a["member"], a["scheme"]) == (p["member"], p["scheme"]), n
            assert a["conducted"] is not None and a["conducted"] <= on, fid
            assert on == a["conducted"], fid
            assert p["grade"] in GRADES and re.match(r"^\d+(\.\d+)*$", p["requirement"]), fid
            assert p["statement"].strip(), fid
            fseq[on.year].append(int(m.group(2)))
            a["findings"].append(fid)
            findings[fid] = {"audit": p["audit"], "member": p["member"], "scheme": p["scheme"],
                             "grade": p["grade"], "raised": on, "state": "open", "last": on,
                             "accepted": None, "effective": None, "history": [("open", on)]}
        elif kind.startswith("finding."):
            f = findings[p["finding"]]
            assert (f["member"], f["scheme"]) == (p["member"], p["scheme"]), n
            assert on >= f["last"], n
            allowed = {"finding.planProposed": ({"open", "ineffective"}, "planProposed"),
                       "finding.planAccepted": ({"planProposed"}, "planAccepted"),
                       "finding.implemented": ({"planAccepted"}, "implemented"),
                       "finding.verified": ({"implemented"}, None)}[kind]
            assert f["state"] in allowed[0], (n, kind, f["state"])
            if kind == "finding.verified":
                assert isinstance(p["effective"], bool)
                f["state"] = "verified" if p["effective"] else "ineffective"
                if p["effective"]:
                    f["effective"] = on
            else:
                f["state"] = allowed[1]
                if kind == "finding.planAccepted" and f["accepted"] is None:
                    f["accepted"] = on
            f["last"] = on
            f["history"].append((f["state"], on))
    for year, numbers in seq.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), year
    for year, numbers in fseq.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), year
    for aid, a in audits.items():
        if a["conducted"] is None:  # the one audit planned for after the network's day (rule 21)
            assert a["scheduled"] > AS_OF, aid
            continue
        assert a["conducted"] == a["scheduled"], aid

    def state_at(fid, when, strictly_before=True):
        """The finding's state just before `when` (or on it)."""
        state = None
        for st, d in findings[fid]["history"]:
            if d < when or (not strictly_before and d <= when):
                state = st
        return state

    def accepted_before(fid, when):
        return any(st == "planAccepted" and d < when for st, d in findings[fid]["history"])

    for fid, f in findings.items():
        if f["grade"] == "major":  # rule 6: verified effective within 90 days
            assert f["effective"] is not None and (f["effective"] - f["raised"]).days <= 90, fid

    # ---- certification machines (scheme cedre) and the group (scheme cedre-iso)
    per_key = collections.defaultdict(list)
    for n, kind, on, p in events:
        per_key[(p["member"], p["scheme"])].append((n, kind, on, p))
    audits_of = collections.defaultdict(list)
    held = {aid: a for aid, a in audits.items() if a["conducted"] is not None}
    for aid, a in sorted(held.items(), key=lambda kv: kv[1]["conducted"]):
        audits_of[(a["member"], a["scheme"])].append(aid)

    # Rule 7: a minor is implemented and verified effective before the next audit.
    for key, aids in audits_of.items():
        for i, aid in enumerate(aids):
            for later in aids[i + 1:]:
                when = audits[later]["conducted"]
                for fid in audits[aid]["findings"]:
                    if findings[fid]["grade"] == "minor":
                        assert state_at(fid, when) == "verified", (fid, later)

    cedre_state = {}
    decisions = collections.defaultdict(list)
    for (member, scheme), evs in per_key.items():
        if scheme != "cedre":
            continue
        state = None
        cycle_audits = []    # audits conducted in the current cycle
        last_decision = None
        surveillances = []   # conducted days in the current cycle
        for n, kind, on, p in evs:
            if kind == "certification.engaged":
                assert state is None, n
                state = "engaged"
            elif kind == "audit.planned":
                ak = p["auditKind"]
                if ak == "initial":
                    assert state == "engaged", (n, state)
                    state = "initialAuditPlanned"
                else:
                    assert state == "certified" and ak in ("surveillance", "recertification", "special"), (n, state, ak)
            elif kind == "audit.conducted":
                a = audits[p["audit"]]
                if a["kind"] == "initial":
                    assert state == "initialAuditPlanned", n
                    state = "audited"
                else:
                    assert state == "certified", n
                    assert on <= add_years(last_decision, 3), n
                    if a["kind"] == "surveillance":
                        surveillances.append(on)
                cycle_audits.append(p["audit"])
            elif kind == "certification.decided":
                if state == "audited":
                    kinds_needed = {"initial"}
                else:
                    assert state == "certified", n
                    assert on <= add_years(last_decision, 3), f"renewal after expiry: {n}"
                    kinds_needed = {"recertification"}
                    check_surveillance(member, last_decision, surveillances, on)
                assert any(audits[aid]["kind"] in kinds_needed for aid in cycle_audits), n
                for aid in cycle_audits:
                    for fid in audits[aid]["findings"]:
                        g = findings[fid]["grade"]
                        if g == "major":
                            assert findings[fid]["effective"] is not None and findings[fid]["effective"] < on, (n, fid)
                        elif g == "minor":
                            assert accepted_before(fid, on), (n, fid)
                decisions[member].append(on)
                state, last_decision, cycle_audits, surveillances = "certified", on, [], []
            elif kind.startswith("membership."):
                raise AssertionError(f"membership fact under cedre: {n}")
        if state == "certified":
            assert add_years(last_decision, 3) > AS_OF, member
            check_surveillance(member, last_decision, surveillances, None)
        cedre_state[member] = state

    # CEDRE ISO group
    central = "coorace-national"
    iso_events = {k[0]: v for k, v in per_key.items() if k[1] == "cedre-iso"}
    central_kinds = [e[1] for e in iso_events[central]]
    assert "certification.engaged" in central_kinds and "certification.decided" in central_kinds
    assert not any(k.startswith("membership.") for k in central_kinds)
    engaged_on = next(e[2] for e in iso_events[central] if e[1] == "certification.engaged")
    assert engaged_on.year == 2012
    group_decisions = [e[2] for e in iso_events[central] if e[1] == "certification.decided"]
    assert group_decisions == [day("2013-12-12")], group_decisions
    group_decision = group_decisions[0]
    initial = [aid for aid in audits_of[(central, "cedre-iso")] if audits[aid]["kind"] == "initial"]
    assert len(initial) == 1
    ia = audits[initial[0]]
    assert ia["conducted"].strftime("%Y-%m") == "2013-11" and ia["reported"] is not None
    assert ia["reported"] < group_decision
    sites = sorted(m for m in iso_events if m != central)
    for site in sites:
        kinds = [e[1] for e in iso_events[site]]
        assert not any(k.startswith("certification.") for k in kinds), site
        applied = [e[2] for e in iso_events[site] if e[1] == "membership.applied"]
        joined_days = [e[2] for e in iso_events[site] if e[1] == "membership.joined"]
        assert len(applied) == 1 and applied[0].year == 2013, site
        assert joined_days == [group_decision], site
        cross = [aid for aid in audits_of[(site, "cedre-iso")] if audits[aid]["kind"] == "cross-audit"]
        assert len(cross) >= 1, site
        for aid in cross:
            c = audits[aid]
            assert applied[0] <= c["planned"] and c["conducted"] < day("2013-12-01"), aid
            assert c["conducted"] < ia["conducted"], aid  # rule 13: before the external audit
        assert not [aid for aid in audits_of[(site, "cedre-iso")] if audits[aid]["kind"] != "cross-audit"]
    # Rule 9: no unresolved major anywhere in the group at the decision; minors accepted.
    for member in [central, *sites]:
        for aid in audits_of[(member, "cedre-iso")]:
            for fid in audits[aid]["findings"]:
                g = findings[fid]["grade"]
                if g == "major":
                    assert findings[fid]["effective"] is not None and findings[fid]["effective"] < group_decision
                if g == "minor":
                    assert accepted_before(fid, group_decision), fid
    iso_members = {central, *sites}
    assert len(iso_members) == 19
    assert not (iso_members & set(cedre_state)), "a CEDRE ISO member holds CEDRE facts"

    # ---- counts at AS_OF
    cedre_certified = {m for m, s in cedre_state.items() if s == "certified"}
    engaged = {m for m, s in cedre_state.items() if s in ("engaged", "initialAuditPlanned", "audited")}
    certified = cedre_certified | iso_members
    none = set(by_id) - certified - engaged
    new_2013 = {m for m, ds in decisions.items() if ds[-1].year == 2013 and len(ds) == 1}
    renewed_2013 = {m for m, ds in decisions.items() if ds[-1].year == 2013 and len(ds) > 1}
    iso_2013 = {central} | {s for s in sites}
    assert len(cedre_certified) == 96, len(cedre_certified)
    assert len(iso_members) == 19 and len(certified) == 115, len(certified)
    assert len(engaged) == 250, len(engaged)
    assert not engaged & certified
    assert len(none) == 146, len(none)
    assert len(new_2013) == 17, len(new_2013)
    assert len(renewed_2013) == 29, len(renewed_2013)
    assert len(iso_2013) == 19
    assert new_2013 | renewed_2013 | iso_2013 == listed, (new_2013 | renewed_2013 | iso_2013) ^ listed
    assert not (new_2013 & renewed_2013) and not ((new_2013 | renewed_2013) & iso_2013)
    assert {"coorace-centre-limousin", "coorace-midi-pyrenees", "solipass-chateauneuf",
            "solipass-tierce", "solipass-aci"} <= iso_2013
    assert sum(1 for s in sites if by_id[s]["type"] != "regional") == 16
    for m in new_2013:
        ds = decisions[m]
        assert ds[0] <= day("2013-12-20")
        eng = next(e[2] for e in per_key[(m, "cedre")] if e[1] == "certification.engaged")
        assert eng.year in (2011, 2012), m
    for m in renewed_2013:
        assert decisions[m][0].year == 2010, m
    synthetic_cert = cedre_certified - new_2013 - renewed_2013
    assert len(synthetic_cert) == 50
    for m in synthetic_cert:
        assert decisions[m][0].year in (2011, 2012) and len(decisions[m]) == 1, m
    for m in engaged:
        evs = per_key[(m, "cedre")]
        assert [e[1] for e in evs] == ["certification.engaged"] and 2009 <= evs[0][2].year <= 2013, m
    open_minors = [fid for fid, f in findings.items() if f["grade"] == "minor" and f["effective"] is None]
    result = {
        "members": len(members), "types": dict(sorted(types.items())),
        "certified": len(certified), "cedre": len(cedre_certified), "cedre-iso": len(iso_members),
        "engaged": len(engaged), "none": len(none),
        "new_2013": len(new_2013), "renewed_2013": len(renewed_2013), "iso_2013": len(iso_2013),
        "events": len(events), "audits": len(audits), "findings": len(findings),
        "grades": dict(collections.Counter(f["grade"] for f in findings.values())),
        "open_minors": len(open_minors),
        "ineffective_verifications": sum(1 for f in findings.values() if any(s == "ineffective" for s, _ in f["history"])),
        "by_region": dict(sorted(collections.Counter(m["region"] for m in members).items())),
    }
    if print_counts:
        print(f"members            {result['members']}")
        print(f"  by type          {result['types']}")
        print(f"certified          {result['certified']} (CEDRE {result['cedre']}, CEDRE ISO {result['cedre-iso']})")
        print(f"engaged            {result['engaged']}")
        print(f"no certification   {result['none']}")
        print(f"2013               new {result['new_2013']}, renewed {result['renewed_2013']}, joined CEDRE ISO {result['iso_2013']}")
        print(f"facts              {result['events']} events, {result['audits']} audits, {result['findings']} findings {result['grades']}")
        print(f"                   minors still open at {AS_OF}: {result['open_minors']}, ineffective verifications: {result['ineffective_verifications']}")
        print("check passed")
    return result, {"cedre_state": cedre_state, "iso": iso_members, "new": new_2013,
                    "renewed": renewed_2013, "members": members}


def check_surveillance(member, decision, surveillances, renewal):
    """Rule 2 for one cycle, over the days that have come by AS_OF (or by the renewal)."""
    horizon = renewal or AS_OF
    first_due = add_years(decision, 1)
    if first_due <= horizon:
        assert any(decision < s <= first_due for s in surveillances), (member, decision, "first surveillance")
    expiry = add_years(decision, 3)
    for year in range(decision.year + 1, expiry.year):
        if dt.date(year, 12, 31) <= horizon:
            assert any(s.year == year for s in surveillances), (member, decision, year)


# --------------------------------------------------------------------------------------
# READMEs
# --------------------------------------------------------------------------------------

def md_table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for r in rows:
        out.append("| " + " | ".join(str(c) for c in r) + " |")
    return "\n".join(out)


STATUS_LABEL = {"renewed": "CEDRE renewed 2013", "new": "CEDRE new 2013", "iso": "CEDRE ISO site 2013",
                "iso-central": "CEDRE ISO central function 2013", "engaged": "CEDRE engaged",
                "none": "none", "certified": "CEDRE certified 2011–2012"}


def write_network_readme(result, state):
    members = state["members"]
    by_id = {m["id"]: m for m in members}
    named = [m for m in members if m["source"] != "synthetic"]
    listed = [m for m in members if m["source"].startswith("seed: p.6 list")]

    def entry(m):
        return f"{m['name']} ({m['departement']}) - {m['type']}"

    def by_region(ids):
        groups = collections.defaultdict(list)
        for mid in ids:
            groups[by_id[mid]["region"]].append(entry(by_id[mid]))
        return "\n".join(f"- **{r}**: " + "; ".join(groups[r]) for r in sorted(groups))

    listed_order = [m["id"] for m in listed]
    iso = [mid for mid in listed_order if mid in state["iso"]]
    new = [mid for mid in listed_order if mid in state["new"]]
    renewed = [mid for mid in listed_order if mid in state["renewed"]]

    cstate = {}
    for m in members:
        mid = m["id"]
        if mid in state["iso"]:
            cstate[mid] = "certified (CEDRE ISO)"
        elif state["cedre_state"].get(mid) == "certified":
            cstate[mid] = "certified (CEDRE)"
        elif state["cedre_state"].get(mid) == "engaged":
            cstate[mid] = "engaged"
        else:
            cstate[mid] = "none"

    type_rows = []
    named_types = collections.Counter(m["type"] for m in named)
    all_types = collections.Counter(m["type"] for m in members)
    for t in ["AI", "ACI", "EI", "ETTI", "GES", "AI+ACI", "national", "regional"]:
        type_rows.append([t, named_types.get(t, 0), all_types[t] - named_types.get(t, 0), all_types[t],
                          f"{100 * all_types[t] / len(members):.1f} %"])
    type_rows.append(["**total**", len(named), len(members) - len(named), len(members), "100 %"])

    region_rows = []
    regions = sorted({m["region"] for m in members})
    body_regions = {m["region"] for m in members if m["type"] == "regional"}
    totals = collections.Counter()
    for r in regions:
        ms = [m for m in members if m["region"] == r]
        c = collections.Counter(cstate[m["id"]] for m in ms)
        row = [r, "yes" if r in body_regions else "no (national)", len(ms),
               sum(1 for m in ms if m["source"] != "synthetic"),
               c["certified (CEDRE)"], c["certified (CEDRE ISO)"], c["engaged"], c["none"]]
        totals.update({"n": len(ms), "named": row[3], "cedre": row[4], "iso": row[5], "eng": row[6], "none": row[7]})
        region_rows.append(row)
    region_rows.append(["**total**", "", totals["n"], totals["named"], totals["cedre"], totals["iso"],
                        totals["eng"], totals["none"]])

    status_rows = []
    for label, ids in [("CEDRE, renewed in 2013 (list)", state["renewed"]),
                       ("CEDRE, newly certified in 2013 (list)", state["new"]),
                       ("CEDRE, certified in 2011–2012 (synthetic)",
                        {m for m, s in state["cedre_state"].items() if s == "certified"} - state["new"] - state["renewed"]),
                       ("CEDRE ISO 9001 (central function + 18 sites, list)", state["iso"])]:
        status_rows.append([label, len(ids)])
    status_rows.append(["**certified**", result["certified"]])
    status_rows.append(["engaged in CEDRE, not certified", result["engaged"]])
    status_rows.append(["no certification", result["none"]])
    status_rows.append(["**members**", result["members"]])

    provenance_rows = []
    for m in named:
        provenance_rows.append([f"`{m['id']}`", m["name"], m["type"], m["departement"], m["region"],
                                f"`{m['group']}`" if m["group"] else "", m["source"][len("seed: "):],
                                cstate[m["id"]]])

    grades = result["grades"]
    text = f"""# network-2013 — the COORACE network at 2013-12-31

Generated by `python3 Fixtures/generate-network-2013.py` (seeded, `random.Random(2013)`);
do not edit by hand. Source: the federation's 2013 activity report
(`shared/seed/000_0b62bc1903706dff.txt`; page numbers from its table of contents and its
cross-references: p.6 "Les avancées de la qualité dans le réseau COORACE" and its list "Les entreprises
renouvelées ou certifiées en 2013", p.7 "Instances fédérales", p.9 "Les équipes au sein des
COORACE régionaux", p.12–13 "Trois tendances d'évolution", p.17 "Qualité : un moteur de
changement !", p.19–21 illustrations, p.26).

- `members.csv` — {result['members']} members: {len(named)} named in the report, {result['members'] - len(named)}
  synthetic fillers (`source` = `synthetic`, name `Adhérent synthétique NNN`).
- `events.jsonl` — {result['events']} certification facts up to 2013-12-31 ({result['audits']} audits,
  {result['findings']} findings: {grades.get('major', 0)} major, {grades.get('minor', 0)} minor,
  {grades.get('observation', 0)} observations, {grades.get('opportunity', 0)} opportunities for improvement).

The figures the report prints, and that the fixture reproduces at 2013-12-31: **511 members**
(COORACE national and the 18 COORACE régionaux included), **115 certified** = **96 CEDRE** +
**19 CEDRE ISO 9001**, **250 engaged** in the CEDRE approach, and in 2013 **17 newly
certified CEDRE**, **29 CEDRE renewals**, **19 joined the CEDRE ISO group** — the 65 entries
of the printed list.

## Counts

### By certification status at 2013-12-31

{md_table(["status", "members"], status_rows)}

### By type

{md_table(["type", "named", "synthetic", "total", "share"], type_rows)}

### By federation region

The federation region is the regional body's name without `COORACE ` (Centre and Limousin
form `Centre-Limousin`, La Réunion and Mayotte `La Réunion - Mayotte`), or the 2013
administrative region where there is no regional body (those members attach to the national
federation).

{md_table(["region", "regional body", "members", "named", "CEDRE", "CEDRE ISO", "engaged", "none"], region_rows)}

## Which 2013 entries are new, renewed, CEDRE ISO — a reconstruction

**This partition is a reconstruction, not a transcription.** The printed report told the
three kinds of entries apart by colour (the legend "Les entreprises nouvellement certifiées
CEDRE en 2013 / … ayant obtenu la certification de groupe CEDRE ISO 9001 en 2013 / … dont la
certification CEDRE a été renouvelée en 2013" survives, the colours do not). The partition
below matches the printed counts (19 / 17 / 29) and every clue the text gives.

**CEDRE ISO 9001 (19)** — the text fixes 3 + 16: "le COORACE national, les COORACE régionaux
Centre-Limousin et Midi-Pyrénées ainsi que 16 entreprises et GES" (p.17), and SOLIPASS's three
companies (p.21, "le groupe SOLIPASS et ses entreprises … certification de groupe CEDRE ISO
9001 … fin 2013"). The two regional bodies that led the group are the natural home of the
rest: all the companies listed under Centre-Limousin (3; AIDER (45)'s director Isabelle
LEMAIRE, president of COORACE Centre-Limousin, speaks for the certified companies on p.17) and
under Midi-Pyrénées (8; Midi-Pyrénées has the network's only regional "chargé de mission
qualité", and its president Sylvia RICCI-RAGUENEAU is the federation's quality lead). That
makes 3 + 8 + 3 = 14; the last two are judgement calls:
- **Coup d'Main (75)** is printed, like the three federation bodies of the group and unlike
  every other company, without a type; it is in Paris beside the central function, and its
  representative (Iyad KHUJA) sits on the board.
- **Tremplin Travail (49)** is in Maine-et-Loire beside SOLIPASS, whose group effort it most
  plausibly joined.

(An alternative reading of "16 entreprises et GES" would take a whole GES of the list — e.g.
Intermed' (25) with its two companies — instead of one Midi-Pyrénées company plus Tremplin
Travail; nothing in the text decides it. The companies of a listed GES are kept together in
one category here.)

{by_region(iso)}

**New versus renewed (17 / 29)** — for the 46 other entries the text gives almost no clue,
so this is the least supported part of the reconstruction. Rules followed: a GES and the
companies listed under it stay in one category; "renewed" (first certified in 2010) goes to
the members the text presents as long established — the board members' companies
(Chantiers Yvelines, Unis vers l'emploi and its four companies, Start'Air through its
administrator), the companies whose directors or administrators are quoted on the network's
practices (OSE, IPSO², POE), the multi-company groups and clusters of Calvados / Manche
(AIRE, Bac du pré bocage, OSE Environnement, AIDER (50)), Intermed', the Voironnais
associations — plus ADS Emploi, La rose des vents, Tremplin 95 and two Vendée AIs to reach 29;
"new" takes the remaining single companies and two whole GES (REEL, VIVRACTIF).

**Newly certified CEDRE in 2013 (17)** — engaged in 2011–2012, initial audit and decision in
2013:

{by_region(new)}

**CEDRE renewed in 2013 (29)** — first decision in 2010, surveillance in 2011 and 2012,
recertification audit in 2013 shortly before expiry, renewal decision on or before expiry:

{by_region(renewed)}

## How the facts were built

- **CEDRE, renewed (29)**: `certification.engaged` in 2008–2009; initial audit planned,
  conducted, reported; decision spread over 2010-03 … 2010-12; a surveillance audit within 12
  months of the decision and one in each later calendar year of the cycle but the expiry year
  (2011, 2012); a recertification audit planned 4–6 months before expiry and conducted in
  2013 shortly before it; renewal decision on or before the expiry day.
- **CEDRE, new (17)**: engaged 2011–2012; initial audit in 2013; decisions spread over
  2013-03 … 2013-12-20. No surveillance is due yet at 2013-12-31.
- **CEDRE, 50 synthetic certified**: engaged 2009–2011, decided 2011-02 … 2012-12, with every
  surveillance audit the rules require by 2013-12-31 conducted.
- **CEDRE, 250 engaged**: one `certification.engaged` in 2009–2013 each: the 24 named
  companies that are neither on the list nor federation bodies (board members' companies,
  Groupe ULISSE and its companies, the companies quoted in the text) and 226 fillers.
- **CEDRE ISO 9001**: `coorace-national` (central function) engaged in 2012, initial audit
  planned in 2013-09, conducted in 2013-11, reported, decision **2013-12-12**. The 18 sites:
  `membership.applied` in 2013, one `cross-audit` in their own dossier, conducted in
  2013-09 … 2013-11 (before the central external audit and before 2013-12-01), reported, and
  `membership.joined` on 2013-12-12. Sites carry no `certification.*` fact and none of the 19
  has any CEDRE fact.
- **Findings**: about a third of initial / recertification audits raise one or two minors
  (plan proposed and accepted before the decision, implemented and verified effective later,
  some still open at 2013-12-31 with their plan accepted); a handful raise a major (verified
  effective within 90 days, before the decision); some raise observations / opportunities
  for improvement, which get an improvement plan and are sometimes carried out; a few minors
  raised at 2013 surveillance audits are still open at 2013-12-31. A minor raised at an audit
  followed by another audit is always verified effective before that next audit (so none is
  escalated). {result['ineffective_verifications']} minors go through an ineffective verification and a revised plan.
  Requirement numbers are CEDRE clause numbers (`4.2`, `7.1`, …) under `cedre` and ISO
  9001:2008 clause numbers (`4.2.3`, `8.2.2`, …) under `cedre-iso`; they and the statements
  are illustrative.
- **Auditors**: audits name auditors `Auditeur synthétique NN` (external) and
  `Auditeur croisé synthétique NN` (cross-audits): synthetic names, no real person.
- Audits are closed once every finding has its plan accepted (audits whose closing would
  fall after 2013-12-31 stay reported).
- `joined`: the national federation 1990-01-15; the regional bodies 1994–2008; companies
  1992–2013, always before their first fact and never before their GES.

## Named members and their provenance

{md_table(["id", "name", "type", "dept", "region", "group", "source (seed)", "status at 2013-12-31"], provenance_rows)}

## Deviations from the printed text, and choices

- **Coup d'Main (75)**: the list and the board give no type; typed `AI` (a choice).
- **SEWEP AI (59)** → name `SEWEP`, type `AI`.
- **Tifaki Hazi (97)** (board): "97" is the overseas prefix; Tifaki Hazi is in Mayotte → `976`.
- **Entraide partage et travail - (31) - AI**: the stray " -" is dropped.
- **La rose des vents - Partage 77 - AI & ACI**: one member of type `AI+ACI`, département 77
  (from its name); likewise AGIRE 76 → 76, Tremplin 95 → 95, Tremplin 57 → 57 (their lines give
  no département in brackets).
- The three **Voironnais** entries are printed across line breaks; they are joined and the
  report's spelling "Voiironnais" is kept. They are three members without a GES (the list
  gives none).
- Companies printed under a GES line without a département (AIRE - AI, AIRE ENVIRONNEMENT,
  Intermed' - AI, Intermed' Limpio, REEL - AI/ACI/EI, VIVRACTIF - ACI/EI, Ariel Services, Buer
  Services, Est Emploi Services, Solidarité Services) take their GES's département and have it
  as `group`. Companies that share a GES's name (Intermed', REEL, VIVRACTIF) keep the printed
  name; their ids carry the type.
- **Bac du pré bocage (14)** is printed three times (AI, ACI, ETTI): three members, no GES.
- **SOLIPASS**: the GES (`solipass`, named `Groupe SOLIPASS` after p.21's "le groupe
  SOLIPASS") is not on the 2013 list; it is a member of type GES in 49 with no certification
  of its own, and its three companies are CEDRE ISO sites. p.21 says SOLIPASS was engaged in
  CEDRE "depuis plusieurs années"; that older history is not in the fixture, because the 19
  CEDRE ISO members carry no CEDRE fact.
- **Groupe ULISSE (38)** (p.20) counts three ACI, one AI, one ETTI and one EI (SOLENI) without
  naming them: six members with descriptive names (`ULISSE - AI`, `ULISSE - ACI 1` …).
- Types the report does not print, chosen: Archer (26) `GES` (the "Groupe Archer"), Air
  Travail Temporaire 84 `ETTI`, La Passerelle (31), E. B. E. A. (18), the two Proxim'Services,
  Tifaki Hazi, Bouriane Solidarité, Initiatives Emplois, Agence Paloise de Services, Erdre et
  Loire Initiatives, BAC Bressuire, Soc Emplois & Services, Jura Service `AI`; La Courte Échelle
  and Plaine de Vie `ACI`; Interm'Aide Emploi `AI+ACI` (p.21: "conventionnement AI et ACI").
- BAC Bressuire (79) appears on p.12-13 as POE's partner; it is taken as a member (an
  assumption, like the types above).
- Not members here: Pôle Sud (a PTCE around Archer), Entrepreneurs solidaires du Centre Isère
  (a grouping of eight companies), IPSO Services (IPSO²'s commercial subsidiary), CIBC Emploi
  Conseil (27) (not an IAE company), COORACE Formation (the federation's training body).
- Départements of the regional bodies: Centre-Limousin (18) and Midi-Pyrénées (31) as printed;
  the other sixteen are placed in their regional capital's département (Corse → 2A,
  La Réunion - Mayotte → 974, Poitou-Charentes → 86 …), a choice.
- The report says "500 entreprises" in its overview and 511 members in its figures; the fixture
  follows 511.
"""
    (NETWORK / "README.md").write_text(text, encoding="utf-8")


def write_fixtures_readme():
    example = next(line for line in (NETWORK / "events.jsonl").read_text(encoding="utf-8").splitlines()
                   if '"kind":"audit.conducted"' in line and '"member":"coorace-national"' in line)
    text = """# Fixtures

Data the tests, the benchmarks and `cedre demo` read. Everything here is written by one
deterministic script (standard-library Python 3.11, seeded `random.Random(2013)`):

```
python3 Fixtures/generate-network-2013.py
```

It rewrites the files below, then re-reads them and checks them (the 511 / 115 / 96 / 19 /
250 / 17 / 29 figures, the certification rules, ids, order) and prints the counts; it fails
loudly if a check does not hold (`--check-only` checks the files without rewriting them). Do not edit the generated files by hand: change the script
and run it again (the output is byte-for-byte reproducible).

`departements.csv` is built from the project's official départements file
(`shared/data/departements.csv`: found by `--source PATH`, `$CEDRE_DEPARTEMENTS_SOURCE`, or
`../shared/data/departements.csv` next to the repository); without it, the script reads
`Fixtures/departements.csv` back, so the network can be regenerated from the repository alone.

| file | what it is |
|---|---|
| `departements.csv` | the 101 départements with their 2013 region and the federation body covering them |
| `network-2013/members.csv` | the federation's 511 members at 2013-12-31 (named in the 2013 activity report, plus labelled synthetic fillers) |
| `network-2013/events.jsonl` | the certification facts up to 2013-12-31, one JSON object a line, in day order |
| `network-2013/README.md` | provenance of every named member, the reconstruction of the 2013 list's categories, counts, deviations |
| `generate-network-2013.py` | the generator and checker |
| `CedreFixtures.swift` | the Swift target that gives the package access to these files (not generated) |
| `examples/adherents-excel.csv` | a members file as French Excel saves it, "CSV (séparateur : point-virgule)": Windows-1252, `;`, CRLF, French headers, `DD/MM/YYYY` days, empty trailing columns (written by hand, not generated; see docs/cli.md) |

All files but `examples/` are UTF-8 with LF line endings; CSV files follow RFC 4180 (quoted
only where needed).

## departements.csv

`code,name,region_2013,regional_body,chef_lieu,latitude,longitude`

| column | meaning |
|---|---|
| `code` | département code: `01`…`95`, `2A`, `2B`, `971`…`976` |
| `name` | official name |
| `region_2013` | administrative region in 2013 (before the 2016 merger) |
| `regional_body` | the COORACE regional body covering it, as the report writes it (`COORACE Centre-Limousin`, `COORACE P.A.C.A.`, `COORACE Ile-de-France`, `COORACE La Réunion - Mayotte`, …); empty where there is none (Bourgogne, Champagne-Ardenne, Languedoc-Roussillon, Picardie, Guadeloupe, Martinique, Guyane: those members attach to the national federation) |
| `chef_lieu` | the préfecture as the town writes its name, article included (`La Rochelle`, `Le Mans`, `La Roche-sur-Yon`, `Le Puy-en-Velay`: the official file drops the article, the script restores it by the chef-lieu's INSEE code) |
| `latitude`, `longitude` | WGS 84 degrees of the chef-lieu's town hall (for travel distances) |

**Federation region** (the `region` of members.csv, and the region every report groups by):
the regional body's name without `COORACE ` (`Centre-Limousin`, `P.A.C.A.`, `Ile-de-France`,
`La Réunion - Mayotte`, …), or, where there is no regional body, the 2013 administrative
region (`Bourgogne`, `Picardie`, …). That gives 25 federation regions: 18 with a body, 7
without.

## network-2013/members.csv

`id,name,type,departement,region,group,joined,source`

| column | meaning |
|---|---|
| `id` | stable member id, lowercase ASCII `^[a-z0-9][a-z0-9-]*$` (`solipass-chateauneuf`, `aider-45`, `coorace-national`, `coorace-midi-pyrenees`, `adherent-synthetique-042`) |
| `name` | the name as the report writes it (accents kept, no "(dept)" or type suffix) |
| `type` | `AI`, `ACI`, `EI`, `ETTI`, `GES`, several joined by `+` for one company with several agreements (`AI+ACI`), `national` (COORACE national) or `regional` (the 18 COORACE régionaux) |
| `departement` | département code, as in departements.csv |
| `region` | federation region of that département (rule above) |
| `group` | id of the member's GES (a row of type `GES`), empty otherwise |
| `joined` | day the member joined the federation, `YYYY-MM-DD`, on or before its first fact |
| `source` | provenance: `seed: <page and section>` for a member named in the report, exactly `synthetic` for a filler |

**Every synthetic row says so**: its `source` is `synthetic` and its name is
`Adhérent synthétique NNN`. Synthetic rows only fill the network up to the report's 511 members
with a plausible spread over regions and types; nothing about them comes from the report.

## network-2013/events.jsonl

One fact a line, sorted by day (stable), compact JSON with sorted keys:
`EXAMPLE`.
Every payload has `member` and `scheme` (`cedre` or `cedre-iso`).

| kind | payload (besides member, scheme) |
|---|---|
| `certification.engaged` | — the member starts the approach |
| `certification.decided` | — positive decision of the certification body (initial or renewal) |
| `audit.planned` | `audit` (`A-<year of scheduledOn>-NNNN`), `auditKind` (`initial`, `surveillance`, `recertification`, `special`, `cross-audit`), `scheduledOn`, optional `auditors` (synthetic names); `on` is the day the plan was made |
| `audit.conducted`, `audit.reported`, `audit.closed` | `audit` |
| `finding.raised` | `finding` (`F-<year>-NNNN`), `audit`, `grade` (`major`, `minor`, `observation`, `opportunity`), `requirement`, `statement` |
| `finding.planProposed` | `finding`, `statement` (the plan) |
| `finding.planAccepted`, `finding.implemented` | `finding` |
| `finding.verified` | `finding`, `effective` (true / false) |
| `membership.applied`, `membership.joined` | — a site of the CEDRE ISO group |

The log holds facts only; what the calendar decides (overdue, expired…) is derived by the
engine. See `network-2013/README.md` for what the facts contain and how they were chosen.

## network-2013/auditors.jsonl

Eight cross-auditors of the CEDRE ISO 9001 group, as `auditor.added` facts in the import
format. The report names none: every row is synthetic (names "Auditeur croisé synthétique NN"),
attached to companies of the 2013 group and trained in 2013, except one trained in 2010 whose
qualification (3 years) has lapsed by 2014, so a 2014 campaign shows rule 16 at work.
`cedre demo` imports it after members.csv and events.jsonl.
"""
    (FIXTURES / "README.md").write_text(text.replace("EXAMPLE", example), encoding="utf-8")


# --------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", help="official départements CSV (see the module docstring)")
    parser.add_argument("--check-only", action="store_true", help="only check the written files")
    args = parser.parse_args()
    if not args.check_only:
        departements = build_departements(find_source(args.source))
        write_csv(FIXTURES / "departements.csv", DEPT_HEADER, departements)
        members, status, facts = generate(departements)
        resolve_ids(facts)
        NETWORK.mkdir(exist_ok=True)
        rows = [{**m, "joined": m["joined"].isoformat()} for m in members]
        write_csv(NETWORK / "members.csv", MEMBER_HEADER, rows)
        (NETWORK / "events.jsonl").write_text("\n".join(event_lines(facts)) + "\n", encoding="utf-8")
        placeholder = NETWORK / "x"
        if placeholder.exists():
            placeholder.unlink()
    result, state = check()
    if not args.check_only:
        write_network_readme(result, state)
        write_fixtures_readme()


if __name__ == "__main__":
    main()
