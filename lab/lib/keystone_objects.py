#!/usr/bin/python3
"""Keystone objects, flavors and image of the Vigil lab: plan what is missing / verify.

  keystone_objects.py plan-keystone    -> openstack CLI batch (stdin format) creating what is missing
  keystone_objects.py plan-resources   -> same for flavors m1.nano/m1.tiny and image 'tiny'
  keystone_objects.py verify-keystone | verify-resources -> prints what is missing, exit 1 if anything
Credentials: OS_* environment (admin-openrc). Runs with Debian's /usr/bin/python3.
"""
import os
import sys

from keystoneauth1 import loading, session
from keystoneclient.v3 import client as ks_client

PW = os.environ.get('OS_PASSWORD', 'secret')
# the release lab (lab/up --release) runs the same catalog on another loopback address
H = 'http://' + os.environ.get('VIGIL_LAB_IP', '127.0.0.1')
SERVICE_USERS = ['glance', 'placement', 'nova', 'cinder', 'neutron', 'swift']
SERVICES = [  # name, type, url
    ('glance', 'image', H + ':9292'),
    ('placement', 'placement', H + ':8778'),
    ('nova', 'compute', H + ':8774/v2.1'),
    ('cinder', 'block-storage', H + ':8776/v3/%(project_id)s'),
    ('cinderv3', 'volumev3', H + ':8776/v3/%(project_id)s'),
    ('neutron', 'network', H + ':9696'),
    ('swift', 'object-store', H + ':8080/v1/AUTH_%(project_id)s'),
]
FLAVORS = [('1', 'm1.nano', 128), ('2', 'm1.tiny', 512)]
IMAGE_FILE = os.environ.get('VIGIL_LAB_IMAGE', '/var/lib/vigil-lab/tiny.qcow2')


def sess():
    loader = loading.get_plugin_loader('password')
    auth = loader.load_from_options(
        auth_url=os.environ['OS_AUTH_URL'], username=os.environ['OS_USERNAME'], password=PW,
        project_name=os.environ['OS_PROJECT_NAME'], user_domain_name='Default', project_domain_name='Default')
    return session.Session(auth=auth)


def keystone_plan(s):
    ks = ks_client.Client(session=s, interface='public')
    cmds = []
    projects = {p.name for p in ks.projects.list()}
    roles = {r.name: r.id for r in ks.roles.list()}
    users = {u.name: u.id for u in ks.users.list()}
    for p, desc in (('service', 'Service'), ('demo', 'Demo')):
        if p not in projects:
            cmds.append(f'project create --domain default --description {desc} {p}')
    for r in ('service', 'ResellerAdmin', 'member', 'reader'):
        if r not in roles:
            cmds.append(f'role create {r}')
    assignments = set()
    for a in ks.role_assignments.list(include_names=True):
        if hasattr(a, 'scope') and 'project' in a.scope and hasattr(a, 'user'):
            assignments.add((a.user['name'], a.scope['project']['name'], a.role['name']))
    wanted = [(u, 'service', r) for u in SERVICE_USERS for r in ('admin', 'service')]
    wanted += [('demo', 'demo', 'member'), ('demo', 'demo', 'reader')]
    for u in SERVICE_USERS + ['demo']:
        if u not in users:
            cmds.append(f'user create --domain default --password {PW} {u}')
    for u, p, r in wanted:
        if (u, p, r) not in assignments:
            cmds.append(f'role add --project {p} --user {u} {r}')
    services = {(sv.name, sv.type): sv.id for sv in ks.services.list()}
    endpoints = {(e.service_id, e.interface, e.url) for e in ks.endpoints.list()}
    for name, typ, url in SERVICES:
        sid = services.get((name, typ))
        if sid is None:
            cmds.append(f'service create --name {name} {typ}')
        for i in ('public', 'internal', 'admin'):
            if sid is None or (sid, i, url) not in endpoints:
                # by service name: two services share a URL (block-storage + volumev3)
                cmds.append(f'endpoint create --region RegionOne {name} {i} {url}')
    return cmds


def resources_plan(s):
    cmds = []
    flavors = s.get('/flavors', endpoint_filter={'service_type': 'compute', 'interface': 'public'}).json()['flavors']
    have = {f['id'] for f in flavors}
    for fid, name, ram in FLAVORS:
        if fid not in have:
            cmds.append(f'flavor create --id {fid} --vcpus 1 --ram {ram} --disk 1 --public {name}')
    images = s.get('/v2/images?name=tiny', endpoint_filter={'service_type': 'image', 'interface': 'public'}).json()['images']
    if not any(i['status'] == 'active' and i['visibility'] == 'public' for i in images):
        cmds.append('image create --public --disk-format qcow2 --container-format bare '
                    f'--file {IMAGE_FILE} tiny')
    return cmds


def main():
    what = sys.argv[1]
    s = sess()
    cmds = keystone_plan(s) if what.endswith('keystone') else resources_plan(s)
    if what.startswith('plan'):
        print('\n'.join(cmds))
        return 0
    for c in cmds:
        print('missing: ' + c.replace(PW, '***'))
    return 1 if cmds else 0


if __name__ == '__main__':
    sys.exit(main())
