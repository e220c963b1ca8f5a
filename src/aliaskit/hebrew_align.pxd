# C types for the compiled build of hebrew_align.py (the .py stays plain Python;
# setup.py and aliaskit._compiled hash this file with it).
cimport cython

@cython.locals(n=Py_ssize_t, j=Py_ssize_t, masks="long long[:]", skips="double[:]",
               prev="double[:]", row="double[:]", x="long long", y="long long",
               skip_x=double, near_x="long long", classes="long long", diag=double,
               left=double, up=double, best=double)
cpdef double _distance(object xs, object ys) except? -1.0
